import { parseOptions, type Command } from '../../platform/cli/command.ts';
import { systemCaller } from '../accounts/permissions.rules.ts';
import { demoMessages as m } from './messages.ts';
import { seedDemo } from './seed-demo.service.ts';

export const seedDemoCommand: Command = {
  description: m.command.description,
  usage: m.command.usage,
  runsInServer: true,
  async run(ctx, args) {
    const { values } = parseOptions(args, { jury: { type: 'boolean' } });
    await ctx.ensureBaseData();
    const outcome = await seedDemo(ctx.database.db, systemCaller('seed-demo CLI'), { baseUrl: ctx.config.baseUrl, jury: Boolean(values.jury) });
    ctx.out(m.summary(outcome));
    return 0;
  },
};
