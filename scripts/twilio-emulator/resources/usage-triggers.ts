// api.twilio.com 2010-04-01 Usage Triggers: create, list, fetch, update,
// delete. Twilio calls CallbackUrl when a category's usage (count, usage or
// price) reaches TriggerValue in the period; here that is usage-trigger-lifecycle.ts,
// run by the control API (add usage, evaluate, or fire one directly).
import type { EmulatorContext } from '../context';
import { newSid, rfc2822 } from '../formats';
import type { UsageTriggerField, UsageTriggerRecord, UsageTriggerRecurring } from '../state';
import { apiErrors } from '../twilio-api-error';
import { currentValue } from '../usage-trigger-lifecycle';
import { accountPath, accountResource, addAccountList, addItemRoutes } from './resource';
import type { RegisterResource } from './resource';

function triggerJson(ctx: EmulatorContext, t: UsageTriggerRecord): Record<string, unknown> {
  const base = accountPath(ctx);
  return {
    account_sid: ctx.state.account.sid,
    api_version: '2010-04-01',
    callback_method: t.callbackMethod,
    callback_url: t.callbackUrl,
    current_value: t.currentValue ?? String(currentValue(ctx, t)),
    date_created: rfc2822(t.dateCreated),
    date_fired: t.dateFired ? rfc2822(t.dateFired) : null,
    date_updated: rfc2822(t.dateUpdated),
    friendly_name: t.friendlyName,
    recurring: t.recurring,
    sid: t.sid,
    trigger_by: t.triggerBy,
    trigger_value: t.triggerValue,
    uri: `${base}/Usage/Triggers/${t.sid}.json`,
    usage_category: t.usageCategory,
    usage_record_uri: `${base}/Usage/Records.json?Category=${t.usageCategory}`,
  };
}

function findTrigger(ctx: EmulatorContext, sid: string, path: string): UsageTriggerRecord {
  const trigger = ctx.state.usageTriggers.get(sid);
  if (!trigger) throw apiErrors.notFound(path);
  return trigger;
}

function callbackMethod(value: string | null): 'GET' | 'POST' {
  return value?.toUpperCase() === 'GET' ? 'GET' : 'POST';
}

export const registerUsageTriggers: RegisterResource = (router, ctx) => {
  const { listPath, item } = accountResource('Usage/Triggers', (sid, { path }) =>
    findTrigger(ctx, sid, path),
  );
  const toJson = (t: UsageTriggerRecord) => triggerJson(ctx, t);

  // POST …/Usage/Triggers.json – call CallbackUrl when UsageCategory reaches TriggerValue
  router.add({
    product: 'api',
    method: 'post',
    path: listPath,
    handle: ({ form }) => {
      const value = form.get('TriggerValue') ?? '';
      if (!/^\+?\d+(\.\d+)?$/.test(value)) throw apiErrors.invalidParameter('TriggerValue must be a number');
      const now = new Date();
      const trigger: UsageTriggerRecord = {
        sid: newSid('UT'),
        friendlyName: form.get('FriendlyName') ?? '',
        usageCategory: form.get('UsageCategory') ?? '',
        triggerBy: (form.get('TriggerBy') ?? 'usage') as UsageTriggerField,
        triggerValue: value.replace(/^\+/, ''),
        // A trigger without Recurring fires once ever: the same as alltime (the spec has no null here).
        recurring: (form.get('Recurring') ?? 'alltime') as UsageTriggerRecurring,
        callbackUrl: form.get('CallbackUrl') ?? '',
        callbackMethod: callbackMethod(form.get('CallbackMethod')),
        dateCreated: now,
        dateUpdated: now,
        dateFired: null,
        currentValue: null,
      };
      ctx.state.usageTriggers.set(trigger.sid, trigger);
      return { status: 201, body: triggerJson(ctx, trigger) };
    },
  });

  // GET …/Usage/Triggers.json – triggers, filtered by Recurring, TriggerBy and UsageCategory
  addAccountList(router, ctx, 'Usage/Triggers', { key: 'usage_triggers', toJson }, ({ query }) => {
    const recurring = query.get('Recurring');
    const triggerBy = query.get('TriggerBy');
    const category = query.get('UsageCategory');
    return [...ctx.state.usageTriggers.values()].filter(
      (t) =>
        (recurring === null || t.recurring === recurring) &&
        (triggerBy === null || t.triggerBy === triggerBy) &&
        (category === null || t.usageCategory === category),
    );
  });

  // …/Usage/Triggers/{Sid}.json – GET one trigger; POST changes its name or callback; DELETE removes it
  addItemRoutes(router, item, toJson, {
    update: (trigger, { form }) => {
      const url = form.get('CallbackUrl');
      const name = form.get('FriendlyName');
      if (url !== null) trigger.callbackUrl = url;
      if (name !== null) trigger.friendlyName = name;
      if (form.has('CallbackMethod')) trigger.callbackMethod = callbackMethod(form.get('CallbackMethod'));
      trigger.dateUpdated = new Date();
    },
    remove: (trigger) => ctx.state.usageTriggers.delete(trigger.sid),
  });
};
