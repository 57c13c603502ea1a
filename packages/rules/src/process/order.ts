/**
 * When each review happens, and the order checks: collective before individuals, head first, government and
 * mass-organisation collectives before the party organisation, lower level before higher, chi bộ first.
 *
 * Meetings are ordered by date, then start time, then the order the plan lists them; reviews inside a meeting
 * by their order in `reviews`. A multi-day meeting is placed on its first day.
 */
import type { PlanIndividualReview, PlanMeeting, PlanReview, PlanUnit, ReviewPlan } from './types';

export interface Slot {
  meetingIndex: number;
  meeting: PlanMeeting;
  reviewIndex: number;
  review: PlanReview;
  /** The unit holding the meeting. */
  heldBy: string;
  /** The collective reviewed (collective reviews only). */
  target?: string;
  path: string;
}

export function compareSlots(a: Slot, b: Slot): number {
  return (
    a.meeting.date.localeCompare(b.meeting.date) ||
    (a.meeting.start ?? '').localeCompare(b.meeting.start ?? '') ||
    a.meetingIndex - b.meetingIndex ||
    a.reviewIndex - b.reviewIndex
  );
}

const earliest = (slots: Slot[]): Slot | undefined => slots.reduce<Slot | undefined>((min, s) => (!min || compareSlots(s, min) < 0 ? s : min), undefined);
const latest = (slots: Slot[]): Slot | undefined => slots.reduce<Slot | undefined>((max, s) => (!max || compareSlots(s, max) > 0 ? s : max), undefined);

/** An order breach: the review that came too early or too late, and the review it should have followed or preceded. */
export interface OrderBreach {
  unit: PlanUnit;
  /** The review out of place. */
  slot: Slot;
  /** The review it is compared with, or undefined when that one is not in the plan. */
  other?: Slot;
  /** The unit or person the `other` review is about. */
  otherUnit?: PlanUnit;
  /** How many reviews are out of place (one breach is reported per unit or person). */
  count: number;
}

export class PlanOrder {
  readonly slots: Slot[] = [];
  readonly units = new Map<string, PlanUnit>();
  /** Slots in meetings each unit holds. */
  private readonly held = new Map<string, Slot[]>();
  /** Collective reviews of each unit, wherever they are held. */
  private readonly collectiveOf = new Map<string, Slot[]>();

  constructor(readonly plan: ReviewPlan) {
    for (const u of plan.units) this.units.set(u.id, u);
    plan.meetings.forEach((meeting, meetingIndex) => {
      meeting.reviews.forEach((review, reviewIndex) => {
        const slot: Slot = { meetingIndex, meeting, reviewIndex, review, heldBy: meeting.unit, path: `/meetings/${meetingIndex}/reviews/${reviewIndex}` };
        if (review.type === 'collective') slot.target = review.unit ?? meeting.unit;
        this.slots.push(slot);
        push(this.held, meeting.unit, slot);
        if (slot.target !== undefined) push(this.collectiveOf, slot.target, slot);
      });
    });
  }

  /** A unit's own reviews: its collective (wherever held) and the individuals reviewed in its meetings. */
  own(unit: string): Slot[] {
    const individuals = (this.held.get(unit) ?? []).filter((s) => s.review.type === 'individual');
    return [...(this.collectiveOf.get(unit) ?? []), ...individuals];
  }

  /** Every review a unit takes part in: its own, and what its meetings review of other collectives. */
  all(unit: string): Slot[] {
    return [...new Set([...(this.collectiveOf.get(unit) ?? []), ...(this.held.get(unit) ?? [])])];
  }

  /** Individuals reviewed in the unit before its collective (or with no collective review at all). */
  collectiveBeforeIndividuals(): OrderBreach[] {
    const out: OrderBreach[] = [];
    for (const unit of this.plan.units) {
      const individuals = (this.held.get(unit.id) ?? []).filter((s) => s.review.type === 'individual');
      if (individuals.length === 0) continue;
      const collective = earliest(this.collectiveOf.get(unit.id) ?? []);
      const early = individuals.filter((s) => !collective || compareSlots(s, collective) < 0);
      if (early.length > 0) out.push({ unit, slot: earliest(early)!, ...(collective ? { other: collective } : {}), count: early.length });
    }
    return out;
  }

  /** Deputies and members reviewed in the unit before its head. */
  headFirst(): OrderBreach[] {
    const out: OrderBreach[] = [];
    for (const unit of this.plan.units) {
      const individuals = (this.held.get(unit.id) ?? []).filter((s) => s.review.type === 'individual');
      const head = earliest(individuals.filter((s) => (s.review as PlanIndividualReview).role === 'head'));
      if (!head) continue;
      const early = individuals.filter((s) => (s.review as PlanIndividualReview).role !== 'head' && compareSlots(s, head) < 0);
      if (early.length > 0) out.push({ unit, slot: earliest(early)!, other: head, count: early.length });
    }
    return out;
  }

  /** A government, specialist or mass-organisation collective still reviewing after its party organisation began. */
  governmentCollectivesFirst(): OrderBreach[] {
    const out: OrderBreach[] = [];
    for (const unit of this.plan.units) {
      if (unit.kind === 'party' || unit.parent === undefined) continue;
      const party = this.units.get(unit.parent);
      const partyFirst = party && earliest(this.own(party.id));
      if (!party || !partyFirst) continue;
      const late = this.all(unit.id).filter((s) => compareSlots(s, partyFirst) > 0);
      if (late.length > 0) out.push({ unit, slot: latest(late)!, other: partyFirst, otherUnit: party, count: late.length });
    }
    return out;
  }

  /** A party organisation still reviewing after the nearest party organisation above it (with reviews) began. */
  lowerLevelFirst(): OrderBreach[] {
    const out: OrderBreach[] = [];
    for (const unit of this.plan.units) {
      if (unit.kind !== 'party') continue;
      const mine = this.own(unit.id);
      if (mine.length === 0) continue;
      // Skip levels with nothing planned: the chi bộ is then compared with the đảng bộ above them.
      let above = unit.parent !== undefined ? this.units.get(unit.parent) : undefined;
      let aboveFirst = above && earliest(this.own(above.id));
      for (let steps = 0; above && !aboveFirst && above.parent !== undefined && steps < this.plan.units.length; steps++) {
        above = this.units.get(above.parent);
        aboveFirst = above && earliest(this.own(above.id));
      }
      if (!above || !aboveFirst) continue;
      const late = mine.filter((s) => compareSlots(s, aboveFirst) > 0);
      if (late.length > 0) out.push({ unit, slot: latest(late)!, other: aboveFirst, otherUnit: above, count: late.length });
    }
    return out;
  }

  /** A person reviewed somewhere else before their chi bộ reviews them. */
  chiBoFirst(): Array<OrderBreach & { chiBo: PlanUnit }> {
    const byPerson = new Map<string, Slot[]>();
    for (const s of this.slots) if (s.review.type === 'individual') push(byPerson, s.review.person, s);
    const out: Array<OrderBreach & { chiBo: PlanUnit }> = [];
    for (const slots of byPerson.values()) {
      const isChiBo = (s: Slot) => {
        const u = this.units.get(s.heldBy);
        return u?.kind === 'party' && u.level === 'chi-bo';
      };
      const inChiBo = earliest(slots.filter(isChiBo));
      if (!inChiBo) continue;
      const early = slots.filter((s) => !isChiBo(s) && compareSlots(s, inChiBo) < 0);
      const first = earliest(early);
      if (first) out.push({ unit: this.units.get(first.heldBy)!, slot: first, other: inChiBo, chiBo: this.units.get(inChiBo.heldBy)!, count: early.length });
    }
    return out;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
