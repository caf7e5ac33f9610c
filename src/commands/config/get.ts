import type { Context } from '../../context.js';
import { value } from '../../output/view.js';
import { settingText } from '../../output/views/misc.js';
import { configKey, effective } from './shared.js';
import type { ConfigInput } from './spec.js';

export async function run({ args: [key] }: ConfigInput<'get'>, ctx: Context) {
  const k = configKey(key!);
  const e = await effective(k, ctx);
  return value({ key: k, ...e }, settingText(e.value));
}
