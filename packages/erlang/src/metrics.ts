/** Which service level (and ASA) a target and the reported `serviceLevel` mean once callers abandon. */
export type ServiceLevelBasis = 'virtual' | 'served' | 'answered';

/**
 * The three readings of one quantity under abandonment (V offered wait, W actual wait):
 * service level — `virtual` P(V ≤ t), `served` P(W ≤ t and served), `answered` P(W ≤ t | served);
 * ASA — `virtual` E[V], `served` E[W] over all arrivals (abandoners count until they leave), `answered` E[W | served].
 */
export interface Variants {
  virtual: number;
  served: number;
  answered: number;
}

/** Metrics of a queue at a given number of agents. Probabilities in [0, 1]; Infinity where the queue is unstable. */
export interface QueueMetrics {
  /** P(an arrival waits): Erlang C, or P(W > 0) with abandonment. */
  waitProbability: number;
  /** Share answered within the target time (on the chosen basis when callers abandon). */
  serviceLevel: number;
  /** Average speed of answer in seconds (on the chosen basis when callers abandon). */
  asaSeconds: number;
  /** Share of arrivals that abandon (0 without patience). */
  abandonRate: number;
  /** Share of agent time busy: A/n, ρ(1 − P(abandon)) with abandonment, slot utilisation for chat. */
  occupancy: number;
  /** Expected number waiting. */
  queueLength: number;
}

/** Metrics of a queue whose callers abandon (Erlang A, chat): every variant of service level and ASA. */
export interface ImpatientMetrics extends QueueMetrics {
  serviceLevelVariants: Variants;
  asaSecondsVariants: Variants;
}

/** A queue with no arrivals: nobody waits, everything is answered at once, agents idle. */
export const IDLE_QUEUE: Readonly<QueueMetrics> = {
  waitProbability: 0,
  serviceLevel: 1,
  asaSeconds: 0,
  abandonRate: 0,
  occupancy: 0,
  queueLength: 0,
};
