/** The `allhours schedule` response (the JSON contract). Instants leave as ISO strings. */
export type ScheduleStatus = 'optimal' | 'feasible' | 'timeLimit' | 'infeasible';

export interface AssignmentOut {
  agentId: string;
  siteId: string;
  templateId: string;
  channel: string;
  /** UTC ISO. */
  start: string;
  end: string;
  /** ISO with the site's offset at that instant. */
  localStart: string;
  localEnd: string;
  breaks: { start: string; end: string }[];
}

export interface CoverageOut {
  channel: string;
  start: string;
  required: number;
  /** Agents on duty on the channel for the whole interval and not on a break. */
  scheduled: number;
  /** Fraction answered within the target, from the erlang package; null without volumes. */
  serviceLevel: number | null;
}

export interface SoftViolation {
  rule: 'coverage' | 'preference' | 'fairness';
  message: string;
  /** Penalty it adds to the objective. */
  weight: number;
  agentId?: string;
  channel?: string;
  start?: string;
  end?: string;
}

export interface Kpis {
  underCoverageAgentHours: number;
  overCoverageAgentHours: number;
  underCoverageAgentHoursByChannel: Record<string, number>;
  /** Pay incl. premiums (before the cost weight). */
  cost: number;
  costBySite: Record<string, number>;
  shifts: number;
  nightsPerAgent: Record<string, number>;
  weekendShiftsPerAgent: Record<string, number>;
  /** Objective parts of the roster before breaks (the solver's view). */
  objectiveComponents: Record<string, number>;
  stage1: { backend: string; seconds: number; lowerBound: number | null; columns: number; rows: number };
  stage2: {
    seconds: number;
    shiftTypes: number;
    shiftTypesBeforePruning: number;
    status: string;
    /**
     * Why the solver stopped: `work` (its deterministic budget: the same request and seed give the same
     * roster), `time` (the clock; a rerun may differ), `iterations`, `proof` (optimal), or `not run`.
     */
    stoppedOn: string;
    /**
     * The constructive start handed to the solver: its objective (same terms as `objective`), agents it
     * could not place, handover links it left open. `guidedObjective`: the start built toward stage 1's
     * shift mix (null when stage 1 had no optimum or that start broke a rule); the better one is used.
     */
    construct: {
      seconds: number;
      objective: number | null;
      unplaced: number;
      brokenLinks: number;
      guidedObjective: number | null;
    };
  };
  /** Intervals where the rules leave fewer eligible agents than required (soft; see diagnostics). */
  diagnostics: string[];
}

export interface ScheduleResponse {
  status: ScheduleStatus;
  objective: number | null;
  lowerBound: number | null;
  /** (objective − lowerBound) / objective. */
  gap: number | null;
  assignments: AssignmentOut[];
  coverage: CoverageOut[];
  kpis: Kpis;
  violations: SoftViolation[];
  explanation?: string[];
}
