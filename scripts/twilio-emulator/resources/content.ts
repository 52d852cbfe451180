// content.twilio.com v1: Content templates (list, fetch, delete), their
// WhatsApp approval (ApprovalRequests) and the combined ContentAndApprovals
// list. Templates and approval decisions are made through the control API:
// creating one over the REST API takes a JSON body, which the portal never sends.
import type { EmulatorContext } from '../context';
import { iso8601 } from '../formats';
import type { ContentRecord } from '../state';
import { apiErrors } from '../twilio-api-error';
import { addItemRoutes, addList, type ItemRoute, type RegisterResource } from './resource';

const contentBase = 'https://content.twilio.com/v1';

function approvalObject(c: ContentRecord): Record<string, unknown> {
  if (!c.whatsapp) return {};
  return {
    type: 'whatsapp',
    name: c.whatsapp.name,
    category: c.whatsapp.category,
    content_type: 'twilio/text',
    status: c.whatsapp.status,
    rejection_reason: c.whatsapp.rejectionReason,
    allow_category_change: false,
  };
}

function contentJson(ctx: EmulatorContext, c: ContentRecord): Record<string, unknown> {
  const url = `${contentBase}/Content/${c.sid}`;
  return {
    account_sid: ctx.state.account.sid,
    date_created: iso8601(c.dateCreated),
    date_updated: iso8601(c.dateUpdated),
    friendly_name: c.friendlyName,
    language: c.language,
    links: {
      approval_create: `${url}/ApprovalRequests/whatsapp`,
      approval_fetch: `${url}/ApprovalRequests`,
    },
    sid: c.sid,
    types: { 'twilio/text': { body: c.body } },
    url,
    variables: { ...c.variables },
  };
}

function findContent(ctx: EmulatorContext, sid: string, path: string): ContentRecord {
  const content = ctx.state.contents.get(sid);
  if (!content) throw apiErrors.notFound(path);
  return content;
}

export const registerContent: RegisterResource = (router, ctx) => {
  const item: ItemRoute<ContentRecord> = {
    product: 'content',
    path: '/v1/Content/{Sid}',
    find: ({ params, path }) => findContent(ctx, params.Sid ?? '', path),
  };
  const all = () => [...ctx.state.contents.values()];

  // GET /v1/Content – every template of the account
  const list = {
    base: `${contentBase}/Content`,
    key: 'contents',
    toJson: (c: ContentRecord) => contentJson(ctx, c),
  };
  addList(router, 'content', '/v1/Content', list, all);

  // /v1/Content/{Sid} – GET one template; DELETE removes it
  addItemRoutes(router, item, list.toJson, { remove: (content) => ctx.state.contents.delete(content.sid) });

  // GET /v1/Content/{Sid}/ApprovalRequests – the template's WhatsApp approval status
  router.add({
    product: 'content',
    method: 'get',
    path: '/v1/Content/{Sid}/ApprovalRequests',
    handle: (request) => {
      const content = item.find(request);
      return {
        status: 200,
        body: {
          account_sid: ctx.state.account.sid,
          sid: content.sid,
          url: `${contentBase}/Content/${content.sid}/ApprovalRequests`,
          whatsapp: approvalObject(content),
        },
      };
    },
  });

  // GET /v1/ContentAndApprovals – templates with their approval requests, one call
  const withApprovals = {
    base: `${contentBase}/ContentAndApprovals`,
    key: 'contents',
    toJson: (c: ContentRecord) => {
      const { url: _url, links: _links, ...rest } = contentJson(ctx, c);
      return { ...rest, approval_requests: approvalObject(c) };
    },
  };
  addList(router, 'content', '/v1/ContentAndApprovals', withApprovals, all);
};
