import { Ajv } from 'ajv';
import type { JSONSchema } from 'json-schema-to-ts';
import type { HostSpec } from '../../suites/suite-model.ts';
import type { FaultFamily } from './families/fault-family.ts';
import type { AnyFaultSpec, FaultContext, FaultPlan, FaultTarget, Injected } from './fault-module.ts';

/** A fault kind's suite schema fragment: an object whose `kind` property is the constant kind name. */
export type FaultSchema = Exclude<JSONSchema, boolean> & { type: 'object'; properties: { kind: { const: string; description: string } } };

/**
 * Everything one fault kind is, in one place: its suite schema fragment (the kind file
 * derives `Spec` from it with FromSchema), the schema of what its injection remembers
 * (`Target`, derived likewise), its family, and the steps. The steps only act and say what
 * they did; `defineFault` checks their inputs, records the events and builds the restore
 * (undo or sweep, then the family's "recovered" check).
 */
export interface FaultDefinition<Spec extends AnyFaultSpec, Target extends FaultTarget> {
  schema: FaultSchema;
  /** What the injection remembers; it must require `host`, where the fault was done. */
  targetSchema: JSONSchema;
  family: FaultFamily;
  plan(spec: Spec): FaultPlan;
  inject(ctx: FaultContext, spec: Spec, servingHost: HostSpec): Promise<Injected<Target>>;
  /** Evidence, in words, that the fault took effect; throws when it did not. */
  verify(ctx: FaultContext, target: Target): Promise<string>;
  /** Undoes exactly this injection; must be safe to run again. Returns the actions in words. */
  undo(ctx: FaultContext, target: Target): Promise<string[]>;
  /** Heals whatever this kind could have left in this run (the run's own tag, never another run's), after a lost target. */
  sweep(ctx: FaultContext, spec: Spec): Promise<string[]>;
  /** Short label for the timeline and the report's fault marker, e.g. `kill -9 4711 on mq1`. */
  describe(target: Target): string;
}

/**
 * A fault kind as the activities run it (built by `defineFault`): every step checks its
 * input against the kind's schemas and records its event; the restore is idempotent — with
 * a target it undoes exactly that injection, with none it sweeps what this kind could have
 * left in this run — and ends with the family's "recovered" check.
 */
export interface FaultModule extends Pick<FaultDefinition<AnyFaultSpec, FaultTarget>, 'schema' | 'family' | 'plan' | 'inject' | 'verify'> {
  kind: string;
  restore(ctx: FaultContext, target: FaultTarget | null, spec: AnyFaultSpec): Promise<string[]>;
}

/** A fault module that still knows its spec type (the catalog derives the suite's FaultSpec union from it). */
export interface DefinedFault<Spec extends AnyFaultSpec> extends FaultModule {
  /** The spec checked against the kind's schema, defaults filled in; throws naming what is wrong. */
  parseSpec(value: unknown): Spec;
}

export type SpecOf<M> = M extends DefinedFault<infer Spec> ? Spec : never;

// Specs and targets cross workflow history as JSON: each step checks them against the
// kind's schemas (filling the spec's defaults) before acting on them.
const ajv = new Ajv({ allErrors: true, useDefaults: true, strict: false });

function parserOf<V>(schema: JSONSchema, what: string): (value: unknown) => V {
  const validate = ajv.compile<V>(schema);
  return (value) => {
    if (validate(value)) return value;
    throw new Error(`${what} does not match its schema: ${ajv.errorsText(validate.errors, { dataVar: what })}`);
  };
}

export function defineFault<Spec extends AnyFaultSpec, Target extends FaultTarget>(definition: FaultDefinition<Spec, Target>): DefinedFault<Spec> {
  const kind = definition.schema.properties.kind.const;
  const parseSpec = parserOf<Spec>(definition.schema, `${kind} fault`);
  const parseTarget = parserOf<Target>(definition.targetSchema, `${kind} target`);
  const { describe } = definition;

  return {
    kind,
    family: definition.family,
    schema: definition.schema,
    parseSpec,

    plan: (spec) => definition.plan(parseSpec(spec)),

    async inject(ctx, spec, servingHost) {
      const injected = await definition.inject(ctx, parseSpec(spec), servingHost);
      const { target } = injected;
      await ctx.record({
        at: new Date(injected.injectedAt).toISOString(),
        kind: 'fault-injected',
        host: target.host,
        summary: injected.reply ? `${describe(target)}: ${injected.reply}` : describe(target),
        detail: { ...target },
      });
      return injected;
    },

    async verify(ctx, target) {
      const checked = parseTarget(target);
      const evidence = await definition.verify(ctx, checked);
      await ctx.record({ kind: 'fault-verified', host: checked.host, summary: evidence });
      return evidence;
    },

    async restore(ctx, target, spec) {
      const checked = target === null ? null : parseTarget(target);
      const actions = checked ? await definition.undo(ctx, checked) : await definition.sweep(ctx, parseSpec(spec));
      actions.push(await definition.family.awaitRecovered(ctx));
      const what = checked ? `restored ${describe(checked)}` : 'restore-all sweep';
      await ctx.record({ kind: 'fault-restored', host: checked?.host, summary: `${what}: ${actions.join('; ')}` });
      return actions;
    },
  };
}
