import { fromTail, tailMeasured, uniformVariants, unstaffedMetrics } from './erlang-a.js';
import { emptyTail, emptyTailInput, type ImpatientTail, impatientTail } from './impatient.js';
import { IDLE_QUEUE, type ImpatientMetrics, type ServiceLevelBasis } from './metrics.js';
import type { Measured } from './targets.js';

export interface ChatInput {
  /** Agents (integer). */
  agents: number;
  /** Chats arriving per second. */
  arrivalsPerSecond: number;
  /**
   * Handle time of a chat when its agent has k chats open, k = 1…K (index 0 is one open chat);
   * the length is the concurrency K.
   */
  ahtSecondsByConcurrency: ArrayLike<number>;
  /** Mean patience of a waiting chatter (exponential). */
  patienceSeconds: number;
  answerWithinSeconds: number;
  basis?: ServiceLevelBasis;
}

/**
 * Total completion rate with `busy` chats spread as evenly as possible over `agents` agents:
 * (N − r)·q/AHT_q + r·(q+1)/AHT_{q+1}, q = ⌊busy/N⌋, r = busy − qN (CCmath's "Erlang Chat" reading).
 */
export function chatCompletionRate(busy: number, agents: number, ahtSecondsByConcurrency: ArrayLike<number>): number {
  const q = Math.floor(busy / agents);
  const r = busy - q * agents;
  const low = q === 0 ? 0 : ((agents - r) * q) / ahtSecondsByConcurrency[q - 1]!;
  const high = r === 0 ? 0 : (r * (q + 1)) / ahtSecondsByConcurrency[q]!;
  return low + high;
}

/** The slots part of the chat model at N agents: P(all slots busy | X ≤ N·K) and E[X | X ≤ N·K]. */
export interface ChatSlots {
  boundary: number;
  mean: number;
}

/**
 * Where the inverse recursion rescales, far above any load's needs (L grows like 1/P(boundary)), and low
 * enough that four steps past it stay finite (each multiplies L by m ≤ service rate / arrival rate).
 */
const RESCALE_ABOVE = 1e200;

/**
 * {@link ChatSlots} by the birth–death recursion over the N·K slots, updated like Erlang B through its
 * inverse (see LossWalk): with π_s the weight of s busy slots, L_s = Σ_{k≤s} π_k/π_s = 1/P(s | X ≤ s) and
 * M_s = Σ_{k≤s} k·π_k/π_s obey L_s = 1 + m_s·L_{s−1} and M_s = s + m_s·M_{s−1}, m_s = π_{s−1}/π_s:
 * multiply-adds of positive terms, no division until the end (boundary 1/L, mean M/L). Both are kept in
 * units of `unit` so they can be scaled down together before L overflows. Level q: one more busy slot
 * moves one agent from q to q+1 open chats, so within a level the completion rate grows linearly:
 * N·R_q + r·(R_{q+1} − R_q), R_k = k/AHT_k. `out`: written in place when given.
 */
export function chatSlots(
  agents: number,
  arrivalsPerSecond: number,
  ahtSecondsByConcurrency: ArrayLike<number>,
  out?: ChatSlots,
): ChatSlots {
  let inverse = 1;
  let moment = 0;
  let unit = 1;
  let s = 0;
  let lowRate = 0; // completion rate of an agent with q chats open (q = level)
  const perArrival = 1 / arrivalsPerSecond;
  for (let level = 0; level < ahtSecondsByConcurrency.length; level++) {
    const highRate = (level + 1) / ahtSecondsByConcurrency[level]!;
    const base = agents * lowRate * perArrival;
    const gain = (highRate - lowRate) * perArrival;
    let raised = 1;
    // Four slots a turn: L ↦ α + βL and M ↦ γ + βM composed off the dependency chain (β = m₁m₂m₃m₄),
    // a quarter of the chain's multiply-adds to wait on; the rescale test once a turn (L grows by β at most).
    for (; raised + 3 <= agents; raised += 4) {
      const m1 = base + raised * gain;
      const m2 = m1 + gain;
      const m3 = m2 + gain;
      const m4 = m3 + gain;
      const m43 = m4 * m3;
      const m432 = m43 * m2;
      const alpha = unit * (1 + m4 + m43 + m432);
      const gamma = unit * (s + 4 + m4 * (s + 3) + m43 * (s + 2) + m432 * (s + 1));
      const beta = m432 * m1;
      inverse = alpha + beta * inverse;
      moment = gamma + beta * moment;
      s += 4;
      if (inverse > RESCALE_ABOVE) {
        unit /= inverse;
        moment /= inverse;
        inverse = 1;
      }
    }
    for (; raised <= agents; raised++) {
      s += 1;
      const m = base + raised * gain;
      inverse = unit + m * inverse;
      moment = s * unit + m * moment;
      if (inverse > RESCALE_ABOVE) {
        unit /= inverse;
        moment /= inverse;
        inverse = 1;
      }
    }
    lowRate = highRate;
  }
  const slots = out ?? { boundary: 0, mean: 0 };
  slots.boundary = unit / inverse;
  slots.mean = moment / inverse;
  return slots;
}

/**
 * Chat with concurrency: N agents hold up to K chats each, handle time depends on how many are open,
 * chatters abandon after exponential patience once all N·K slots are busy. Exact birth–death model:
 * the slots by a stable Erlang-B-like recursion, the queue by the Erlang A closed forms.
 * Occupancy is slot utilisation E[busy slots]/(N·K). With K = 1 this is Erlang A.
 * `waits = false` (searches without an ASA target): the ASA variants other than `served` are NaN.
 * `known`: the slots part at these agents, when a search already has it.
 */
export function chatMetrics(input: ChatInput, waits = true, known?: ChatSlots): ImpatientMetrics {
  const { agents, arrivalsPerSecond: lambda, patienceSeconds } = input;
  const basis = input.basis ?? 'served';
  if (lambda === 0) return uniformVariants(IDLE_QUEUE);
  if (agents === 0) return unstaffedMetrics(lambda, patienceSeconds, basis);
  const tail = emptyTail();
  return fromTail(tail, chatTail(input, waits, known, tail), basis);
}

/** Read by {@link impatientTail} at once, never kept: one for every call. */
const TAIL_INPUT = emptyTailInput();
/** What a search's probe writes into (one probe at a time). */
const PROBE_TAIL = emptyTail();

/** The queue part of the chat model into `tail` (agents and arrivals > 0); returns the slot occupancy. */
function chatTail(input: ChatInput, waits: boolean, known: ChatSlots | undefined, tail: ImpatientTail): number {
  const { agents, arrivalsPerSecond: lambda, ahtSecondsByConcurrency: aht } = input;
  const slots = agents * aht.length;
  const { boundary, mean } = known ?? chatSlots(agents, lambda, aht);
  TAIL_INPUT.boundary = boundary;
  TAIL_INPUT.fullRate = chatCompletionRate(slots, agents, aht);
  TAIL_INPUT.arrivalRate = lambda;
  TAIL_INPUT.abandonRate = 1 / input.patienceSeconds;
  TAIL_INPUT.answerWithinSeconds = input.answerWithinSeconds;
  impatientTail(TAIL_INPUT, waits, tail);
  const busySlots = (1 - tail.aboveBoundary) * mean + slots * tail.aboveBoundary;
  return Math.min(1, busySlots / slots);
}

/** What the targets read of {@link chatMetrics}, written into `out` (a search's probes; see erlangAMeasured). */
export function chatMeasured(input: ChatInput, waits: boolean, known: ChatSlots | undefined, out: Measured): Measured {
  if (input.arrivalsPerSecond === 0 || input.agents === 0) return chatMetrics(input, waits, known);
  return tailMeasured(PROBE_TAIL, chatTail(input, waits, known, PROBE_TAIL), input.basis ?? 'served', out);
}
