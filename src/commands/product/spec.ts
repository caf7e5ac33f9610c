import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import type { InputOf } from '../input.js';

/** `crm product ...`: every verb's arguments, flags and help; the implementations are in this folder. */
export function productSpec(program: CommandUnknownOpts) {
  const product = program.command('product').description('products that order lines sell (codes match ignoring case)');
  return {
    add: product.command('add').description('add a product').argument('<code>', 'product code (SKU), unique')
      .option('--name <name>', 'what it is called (required)').option('--price <amount>', 'list price per unit')
      .option('--currency <code>', 'currency of --price (default: config currency)'),
    list: product.command('list').alias('ls').description('products by code')
      .option('--search <text>', 'code or name containing this').option('--limit <n>', 'at most n'),
    show: product.command('show').description('a product and what was sold of it')
      .argument('<product>', 'product code, or a unique part of its name'),
  };
}

type Spec = ReturnType<typeof productSpec>;
export type ProductInput<Verb extends keyof Spec> = InputOf<Spec[Verb]>;
