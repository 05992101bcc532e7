export interface FuzzFailure {
  caseNumber: number;
  seed: string;
  mutations: string[];
  /** 0: no answer within the timeout, or a network error. */
  status: number;
  detail: string;
  ms: number;
  /** Shell lines that resend the case. */
  reproduce: string[];
}

export interface CampaignResult {
  /** How many answers had each status (0: none). */
  statuses: Record<string, number>;
  slowest: {
    ms: number;
    caseNumber?: number;
    status?: number;
    seed?: string;
    mutations?: string[];
  };
  failures: FuzzFailure[];
  /** Answers that were `wrangler dev` restarting its runtime (the case was resent once). */
  restarts: number;
}

export function runCampaign(options: {
  url: string;
  projectId: string;
  publicKey: string;
  seed: number;
  count: number;
  first?: number;
  concurrency?: number;
  timeoutMs?: number;
  onProgress?: (done: number, sofar: CampaignResult) => void;
  /** Called as soon as a case fails, so a campaign stopped early still shows them. */
  onFailure?: (failure: FuzzFailure) => void;
}): Promise<CampaignResult>;

export function formatFailures(failures: FuzzFailure[]): string;

export function checkCollectorAfterwards(target: {
  url: string;
  adminToken: string;
  projectId: string;
  publicKey: string;
  timeoutMs?: number;
}): Promise<string>;
