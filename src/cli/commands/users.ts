import { say } from '../../domain/messages.ts';
import { AsterismError } from '../../domain/errors.ts';
import { userRoles } from '../../domain/rights.ts';
import type { Command } from 'commander';
import type { AsterismApi } from '../../app/asterism-api.ts';
import { outputMode, renderTable } from '../output.ts';
import { withApi } from '../with-api.ts';

/** The first line of standard input (a password piped in: never an argument, which `ps` shows to everyone). */
async function passwordFromStdin(given: boolean | undefined): Promise<string> {
  if (!given) throw new AsterismError('bad_request', say('no_password_given'));
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

const list = (v: string | undefined) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined);

/** `asterism users add|list|remove|reset-password`, `asterism tokens create|list|revoke`, `asterism audit` (issue 20). */
export function userCommands(program: Command, open: () => Promise<AsterismApi>): void {
  const users = program.command('users').description('the people who may sign in, their roles and scopes / 用户与角色');
  users.command('add')
    .description('add a user; the password is read from standard input / 添加用户（密码从标准输入读取）')
    .requiredOption('--name <name>', 'user name / 用户名')
    .requiredOption('--role <role>', userRoles.join('|'))
    .option('--stores <list>', 'only these stores (comma-separated) / 仅这些店铺')
    .option('--marketplaces <list>', 'only these marketplaces, e.g. US,DE / 仅这些站点')
    .option('--owner-scope <owner>', "only the products this owner holds (the products file's owners, by date) / 仅该负责人名下的产品")
    .option('--costs <show|hide>', "override the role's right to see costs and profit / 覆盖角色的成本查看权限")
    .option('--password-stdin', 'read the password from standard input / 从标准输入读取密码')
    .option('--json', 'print JSON')
    .action((o: { name: string; role: string; stores?: string; marketplaces?: string; ownerScope?: string; costs?: string; passwordStdin?: boolean; json?: boolean }) => withApi(open, async (api) => {
      const password = await passwordFromStdin(o.passwordStdin);
      if (o.costs !== undefined && o.costs !== 'show' && o.costs !== 'hide') throw new AsterismError('bad_request', say('one_of_option', { what: '--costs', value: o.costs, known: 'show, hide' }));
      const answer = await api.run('users_add', {
        name: o.name, role: o.role as (typeof userRoles)[number], password,
        ...(list(o.stores) ? { stores: list(o.stores) } : {}), ...(list(o.marketplaces) ? { marketplaces: list(o.marketplaces) } : {}),
        ...(o.ownerScope ? { owner_scope: o.ownerScope } : {}), ...(o.costs ? { see_costs: o.costs === 'show' } : {}),
      });
      if (outputMode(o) === 'json') console.log(JSON.stringify(answer));
      else console.log(`user ${answer.user.name} added as ${answer.user.role} / 已添加用户 ${answer.user.name}（${answer.user.role}）`);
    }));
  users.command('list').description('every user (never a password) / 列出用户').option('--json', 'print JSON')
    .action((o: { json?: boolean }) => withApi(open, async (api) => {
      const answer = await api.run('users_list', {});
      if (outputMode(o) === 'json') console.log(JSON.stringify(answer));
      else console.log(renderTable(['name', 'role', 'stores', 'marketplaces', 'owner_scope', 'see_costs', 'locked_until'], answer.users.map((u) => ({
        ...u, stores: u.stores.join(','), marketplaces: u.marketplaces.join(','), owner_scope: u.owner_scope ?? '', see_costs: u.see_costs === null ? '' : String(u.see_costs), locked_until: u.locked_until ?? '',
      })) as unknown as Record<string, string>[]));
    }));
  users.command('remove').description('remove a user: their sessions end, their tokens are revoked, the audit log keeps what they did / 删除用户')
    .argument('<name>').option('--json', 'print JSON')
    .action((name: string, o: { json?: boolean }) => withApi(open, async (api) => {
      const answer = await api.run('users_remove', { name });
      console.log(outputMode(o) === 'json' ? JSON.stringify(answer) : `user ${name} removed / 已删除用户 ${name}`);
    }));
  users.command('reset-password').description('a new password from standard input; the user\'s sessions end and a lock-out is lifted / 重置密码')
    .argument('<name>').option('--password-stdin', 'read the password from standard input').option('--json', 'print JSON')
    .action((name: string, o: { passwordStdin?: boolean; json?: boolean }) => withApi(open, async (api) => {
      const answer = await api.run('users_reset_password', { name, password: await passwordFromStdin(o.passwordStdin) });
      console.log(outputMode(o) === 'json' ? JSON.stringify(answer) : `password of ${name} reset / 已重置 ${name} 的密码`);
    }));

  const tokens = program.command('tokens').description('API tokens for scripts (Authorization: Bearer …) / API 令牌');
  tokens.command('create').description('a token for a user, printed once: only its hash is kept / 创建令牌（仅显示一次）')
    .requiredOption('--user <name>').option('--expires <days>', 'days until it expires (default: until revoked) / 有效天数').option('--json', 'print JSON')
    .action((o: { user: string; expires?: string; json?: boolean }) => withApi(open, async (api) => {
      if (o.expires !== undefined && !/^\d+$/.test(o.expires)) throw new AsterismError('bad_request', say('not_an_id', { value: o.expires, what: { en: 'a number of days', zh: '天数' }, command: 'asterism tokens create --help' }));
      const answer = await api.run('tokens_create', { user: o.user, ...(o.expires ? { expires_days: Number(o.expires) } : {}) });
      console.log(outputMode(o) === 'json' ? JSON.stringify(answer) : `${answer.token}\n(token ${answer.entry.id} for ${o.user}: shown only now / 令牌仅显示这一次)`);
    }));
  tokens.command('list').description('tokens, never their values / 列出令牌').option('--user <name>').option('--json', 'print JSON')
    .action((o: { user?: string; json?: boolean }) => withApi(open, async (api) => {
      const answer = await api.run('tokens_list', o.user ? { user: o.user } : {});
      if (outputMode(o) === 'json') console.log(JSON.stringify(answer));
      else console.log(renderTable(['id', 'user', 'created_at', 'expires_at', 'revoked_at'], answer.tokens.map((t) => ({ ...t, id: String(t.id), expires_at: t.expires_at ?? '', revoked_at: t.revoked_at ?? '' }))));
    }));
  tokens.command('revoke').description('revoke a token / 吊销令牌').argument('<id>').option('--json', 'print JSON')
    .action((id: string, o: { json?: boolean }) => withApi(open, async (api) => {
      if (!/^\d+$/.test(id)) throw new AsterismError('bad_request', say('not_an_id', { value: id, what: { en: 'a token id', zh: '令牌编号' }, command: 'asterism tokens list' }));
      const answer = await api.run('tokens_revoke', { id: Number(id) });
      console.log(outputMode(o) === 'json' ? JSON.stringify(answer) : `token ${id} revoked / 已吊销令牌 ${id}`);
    }));

  program.command('audit').description('the audit log: every change, who, when, from where / 操作日志')
    .option('--user <name>').option('--action <action>').option('--limit <n>', 'newest n entries', '100').option('--json', 'print JSON')
    .action((o: { user?: string; action?: string; limit: string; json?: boolean }) => withApi(open, async (api) => {
      const answer = await api.run('audit', { ...(o.user ? { user: o.user } : {}), ...(o.action ? { action: o.action } : {}), limit: Number(o.limit) || 100 });
      if (outputMode(o) === 'json') console.log(JSON.stringify(answer));
      else console.log(renderTable(['at', 'user', 'origin', 'action', 'target', 'detail'], answer.entries.map((e) => ({ ...e, target: e.target ?? '', detail: e.detail ?? '' }))));
    }));
}
