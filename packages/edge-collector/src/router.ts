import { AutoRouter, cors } from 'itty-router';
import {
  createRuleRoute,
  deleteRuleRoute,
  listRulesRoute,
  updateRuleRoute,
} from './api/alertRuleRoutes';
import { getEventRoute, latestEventRoute, listIssueEventsRoute } from './api/eventRoutes';
import { listIngestFailuresRoute } from './api/ingestFailureRoutes';
import {
  deleteIssueRoute,
  getIssueRoute,
  listIssuesRoute,
  updateIssueRoute,
} from './api/issueRoutes';
import {
  createProjectRoute,
  getProjectRoute,
  listProjectsRoute,
  updateProjectRoute,
} from './api/projectRoutes';
import { requireAdmin } from './api/requireAdmin';
import { projectStatsRoute } from './api/statsRoutes';
import { getTransactionRoute } from './api/transactionPayloadRoute';
import { listTransactionsRoute } from './api/transactionRoutes';
import {
  createWebhookRoute,
  deleteWebhookRoute,
  listDeliveriesRoute,
  listWebhooksRoute,
  testWebhookRoute,
} from './api/webhookRoutes';
import { ClientError } from './http/ClientError';
import { exposeCorsHeaders } from './http/exposeCorsHeaders';
import { toErrorResponse } from './http/toErrorResponse';
import { envelopeRoute } from './ingest/envelopeRoute';
import { securityRoute } from './ingest/securityRoute';
import { storeRoute } from './ingest/storeRoute';

// Browsers post envelopes from any page (origins are checked per project), and
// the SDK must read the back-off headers of a 429.
const EXPOSED_HEADERS = ['Retry-After', 'X-Sentry-Rate-Limits', 'X-Sentry-Error', 'Link'];
const { preflight, corsify } = cors({
  origin: '*',
  allowMethods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
  allowHeaders: [
    'Content-Type',
    'Content-Encoding',
    'X-Sentry-Auth',
    'Authorization',
    'sentry-trace',
    'baggage',
  ],
  exposeHeaders: EXPOSED_HEADERS,
  maxAge: 86400,
});

export const router = AutoRouter({
  before: [preflight],
  catch: toErrorResponse,
  finally: [corsify, exposeCorsHeaders(EXPOSED_HEADERS)],
  missing: (request) => toErrorResponse(new ClientError(404, 'no such endpoint'), request),
});

router
  // Unauthenticated liveness check for uptime monitors and local tooling.
  .get('/api/health', () => ({ status: 'ok' }))
  .post('/api/:projectId/envelope/', envelopeRoute)
  .post('/api/:projectId/store/', storeRoute)
  .post('/api/:projectId/security/', securityRoute)
  .all('/api/0/*', requireAdmin)
  .get('/api/0/projects/', listProjectsRoute)
  .post('/api/0/projects/', createProjectRoute)
  .get('/api/0/projects/:projectId/', getProjectRoute)
  .put('/api/0/projects/:projectId/', updateProjectRoute)
  .get('/api/0/projects/:projectId/issues/', listIssuesRoute)
  .get('/api/0/projects/:projectId/stats/', projectStatsRoute)
  .get('/api/0/projects/:projectId/transactions/', listTransactionsRoute)
  .get('/api/0/projects/:projectId/transactions/:eventId/', getTransactionRoute)
  .get('/api/0/projects/:projectId/ingest-failures/', listIngestFailuresRoute)
  .get('/api/0/projects/:projectId/rules/', listRulesRoute)
  .post('/api/0/projects/:projectId/rules/', createRuleRoute)
  .put('/api/0/projects/:projectId/rules/:ruleId/', updateRuleRoute)
  .delete('/api/0/projects/:projectId/rules/:ruleId/', deleteRuleRoute)
  .get('/api/0/projects/:projectId/webhooks/', listWebhooksRoute)
  .post('/api/0/projects/:projectId/webhooks/', createWebhookRoute)
  .delete('/api/0/projects/:projectId/webhooks/:hookId/', deleteWebhookRoute)
  .get('/api/0/projects/:projectId/webhooks/:hookId/deliveries/', listDeliveriesRoute)
  .post('/api/0/projects/:projectId/webhooks/:hookId/test/', testWebhookRoute)
  .get('/api/0/issues/:issueId/', getIssueRoute)
  .put('/api/0/issues/:issueId/', updateIssueRoute)
  .delete('/api/0/issues/:issueId/', deleteIssueRoute)
  .get('/api/0/issues/:issueId/events/', listIssueEventsRoute)
  .get('/api/0/issues/:issueId/events/latest/', latestEventRoute)
  .get('/api/0/events/:eventId/', getEventRoute);
