/**
 * Shared reasons for large batches (RateOptions.shareReasons): a reason is a pure function of its pack, rule,
 * outcome kind and the two values it quotes, and a national batch says the same few hundred things millions
 * of times. Each is made once, frozen, and handed to every result that says it; a writer can then keep its
 * JSON too (the CLI's JSON Lines mode does).
 */
import type { Outcome } from './explain';
import type { Pack, PackRule } from './pack/types';
import type { Reason } from './types';

/** Reasons kept before the memo starts over: far above what the packs say, a guard against endless distinct values. */
const MAX_REASONS = 100_000;

type ByValues = Map<unknown, Map<unknown, Reason>>;

/** A rule's reasons in one pack, by outcome kind (fixed keys: a property read, not a lookup). */
interface RuleReasons {
  pack: Pack;
  applied?: ByValues;
  met?: ByValues;
  failed?: ByValues;
  disabled?: ByValues;
}

// Map keys cannot tell -0 from 0, and a result must quote the value it was given: -0 is never shared.
const quotable = (value: unknown): boolean => value === null || (typeof value !== 'object' && typeof value !== 'function' && !Object.is(value, -0));

export class ReasonMemo {
  /** By rule; a rule met in a second pack (an overlaid copy shares rule objects) gets its own entry there. */
  private readonly byRule = new Map<PackRule, RuleReasons>();
  private readonly otherPacks = new Map<Pack, Map<PackRule, RuleReasons>>();
  private size = 0;

  /** The shared reason for these keys, made by `make` the first time (values that are objects are not shared). */
  get(pack: Pack, rule: PackRule, how: Reason['outcome'], outcome: Outcome, make: () => Reason): Reason {
    const { actual, expected } = outcome;
    if (!quotable(actual) || !quotable(expected)) return make();
    let reasons = this.byRule.get(rule);
    if (!reasons) this.byRule.set(rule, (reasons = { pack }));
    else if (reasons.pack !== pack) {
      let inPack = this.otherPacks.get(pack);
      if (!inPack) this.otherPacks.set(pack, (inPack = new Map()));
      reasons = inPack.get(rule);
      if (!reasons) inPack.set(rule, (reasons = { pack }));
    }
    let byActual = reasons[how];
    if (!byActual) reasons[how] = byActual = new Map();
    let byExpected = byActual.get(actual);
    if (!byExpected) byActual.set(actual, (byExpected = new Map()));
    let reason = byExpected.get(expected);
    if (!reason) {
      if (this.size >= MAX_REASONS) {
        this.byRule.clear();
        this.otherPacks.clear();
        this.size = 0;
        return this.get(pack, rule, how, outcome, make);
      }
      reason = Object.freeze(make());
      byExpected.set(expected, reason);
      this.size += 1;
    }
    return reason;
  }
}
