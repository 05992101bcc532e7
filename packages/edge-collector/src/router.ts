import { AutoRouter, cors } from 'itty-router';
import {
  createRuleRoute,
  deleteRuleRoute,
  listRulesRoute,
  updateRuleRoute,
} from './api/alertRuleRoutes';
import { eventNeighboursRoute, issueSparklinesRoute } from './api/dashboardRoutes';
import { getEventRoute, latestEventRoute, listIssueEventsRoute } from './api/eventRoutes';
import { hourlyStatsRoute } from './api/hourlyStatsRoute';
import { listIngestFailuresRoute } from './api/ingestFailureRoutes';
import {
  deleteIssueRoute,
  getIssueRoute,
  listIssuesRoute,
  updateIssueRoute,
} from './api/issueRoutes';
import { performanceListRoute, performanceSummaryRoute } from './api/performanceRoutes';
import {
  createProjectRoute,
  getProjectRoute,
  listProjectsRoute,
  updateProjectRoute,
} from './api/projectRoutes';
import { requireAdmin } from './api/requireAdmin';
import { loginRoute, logoutRoute, sessionRoute } from './api/sessionRoutes';
import { projectStatsRoute } from './api/statsRoutes';
import { getTraceRoute } from './api/traceRoutes';
import { listTransactionsRoute } from './api/transactionRoutes';
import { createUserRoute, deleteUserRoute, listUsersRoute } from './api/userRoutes';
import {
  createWebhookRoute,
  deleteWebhookRoute,
  listDeliveriesRoute,
  listWebhooksRoute,
  testWebhookRoute,
} from './api/webhookRoutes';
import { ClientError } from './http/ClientError';
import { exposeCorsHeaders } from './http/exposeCorsHeaders';
import { noSniff } from './http/noSniff';
import { serveAppShell } from './http/serveAppShell';
import { toErrorResponse } from './http/toErrorResponse';
import { envelopeRoute } from './ingest/envelopeRoute';
import { securityRoute } from './ingest/securityRoute';
import { storeRoute } from './ingest/storeRoute';
import { assembleRoute } from './sourcemaps/assembleRoute';
import { chunkUploadOptionsRoute, uploadChunksRoute } from './sourcemaps/chunkUploadRoutes';
import { createReleaseRoute, updateReleaseRoute } from './sourcemaps/releaseRoutes';
import { requireUploadToken } from './sourcemaps/requireUploadToken';
import { serverInfoRoute } from './sourcemaps/serverInfoRoute';
import { createTokenRoute, listTokensRoute, revokeTokenRoute } from './sourcemaps/tokenRoutes';

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
  finally: [corsify, exposeCorsHeaders(EXPOSED_HEADERS), noSniff],
  missing: (request) => toErrorResponse(new ClientError(404, 'no such endpoint'), request),
});

router
  // Unauthenticated liveness check for uptime monitors and local tooling.
  .get('/api/health', () => ({ status: 'ok' }))
  .get('/projects/:projectId/performance/*', serveAppShell)
  .post('/api/:projectId/envelope/', envelopeRoute)
  .post('/api/:projectId/store/', storeRoute)
  .post('/api/:projectId/security/', securityRoute)
  // sentry-cli (source maps): a tool token or the admin token; see PROTOCOL.md.
  .get('/api/0/', requireUploadToken, serverInfoRoute)
  .get('/api/0/organizations/:org/chunk-upload/', requireUploadToken, chunkUploadOptionsRoute)
  .post('/api/0/organizations/:org/chunk-upload/', requireUploadToken, uploadChunksRoute)
  .post('/api/0/organizations/:org/artifactbundle/assemble/', requireUploadToken, assembleRoute)
  .post('/api/0/organizations/:org/releases/', requireUploadToken, createReleaseRoute)
  .put('/api/0/organizations/:org/releases/:version/', requireUploadToken, updateReleaseRoute)
  // Signing in and out needs no session yet; both check the Origin header.
  .post('/api/0/auth/login/', loginRoute)
  .post('/api/0/auth/logout/', logoutRoute)
  .all('/api/0/*', requireAdmin)
  .get('/api/0/auth/session/', sessionRoute)
  .get('/api/0/users/', listUsersRoute)
  .post('/api/0/users/', createUserRoute)
  .delete('/api/0/users/:userId/', deleteUserRoute)
  .get('/api/0/tokens/', listTokensRoute)
  .post('/api/0/tokens/', createTokenRoute)
  .delete('/api/0/tokens/:tokenId/', revokeTokenRoute)
  .get('/api/0/projects/', listProjectsRoute)
  .post('/api/0/projects/', createProjectRoute)
  .get('/api/0/projects/:projectId/', getProjectRoute)
  .put('/api/0/projects/:projectId/', updateProjectRoute)
  .get('/api/0/projects/:projectId/issues/', listIssuesRoute)
  .get('/api/0/projects/:projectId/issues/stats/', issueSparklinesRoute)
  .get('/api/0/projects/:projectId/stats/', projectStatsRoute)
  .get('/api/0/projects/:projectId/stats/hourly/', hourlyStatsRoute)
  .get('/api/0/projects/:projectId/transactions/', listTransactionsRoute)
  .get('/api/0/projects/:projectId/performance/', performanceListRoute)
  .get('/api/0/projects/:projectId/performance/summary/', performanceSummaryRoute)
  .get('/api/0/projects/:projectId/traces/:traceId/', getTraceRoute)
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
  .get('/api/0/events/:eventId/', getEventRoute)
  .get('/api/0/events/:eventId/neighbours/', eventNeighboursRoute);
