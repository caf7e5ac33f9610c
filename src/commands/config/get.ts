import type { Input } from '../../cli/action.js';
import type { Context } from '../../context.js';
import { value } from '../../output/view.js';
import { settingText } from '../../output/views/misc.js';
import { configKey, effective } from './shared.js';

export async function run({ args: [key] }: Input, ctx: Context) {
  const k = configKey(key!);
  const { value: v, source } = effective(k, ctx);
  return value({ key: k, value: v, source }, settingText(v));
}
