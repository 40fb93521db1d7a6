import type { ConformanceSpec } from './conformance-model.ts';
import type { TrafficSpec } from './traffic-model.ts';

/**
 * The validated, compiled form of a suite file. Everything a workflow needs travels in
 * these plain JSON objects: they go into workflow history, so they hold references to
 * secrets (an env var name, a key file path), never the secrets themselves.
 */

/** Where an SSH secret comes from. `env`: a password in that environment variable. `keyFile`: a private key file. */
export type CredentialRef = { env: string } | { keyFile: string; passphraseEnv?: string };

export interface HostSpec {
  name: string;
  address: string;
  port: number;
  user: string;
  credential: CredentialRef;
  /** Pinned host key, OpenSSH form: `SHA256:<base64 without padding>`. */
  hostKey: string;
}

export interface QueueManagerSpec {
  name: string;
  /** Hosts that run an instance of this queue manager (multi-instance: two). */
  instances: string[];
  /** Server-connection channel for MQI clients. */
  channel?: string;
  /** Listener port per instance host (the address is the host's). */
  listeners?: Record<string, number>;
}

export interface EstateSpec {
  hosts: Record<string, HostSpec>;
  queueManagers: Record<string, QueueManagerSpec>;
  /** Where MQI traffic clients find libmqm_r.so (absolute folder); absent: the default library path. */
  mqClient?: { libraryDir: string };
}

/**
 * Where the estate comes from. `lab`: the embedded lab started from a topology file
 * (absolute path); its estate file is written by `mqchaos lab up` and read at run time.
 */
export type EstateSource =
  | { kind: 'inline'; estate: EstateSpec }
  | { kind: 'file'; path: string }
  | { kind: 'lab'; topology: string };

/**
 * A fault, one kind per file in activities/faults/: each kind's suite schema fragment is its
 * one definition, and this type is derived from those fragments (type-only, no code is loaded).
 */
export type { FaultKind, FaultSpec } from '../activities/faults/fault-catalog.ts';
import type { FaultSpec } from '../activities/faults/fault-catalog.ts';

/**
 * A health check, attempted from before the fault until it succeeds after the outage (or
 * times out) and timed from the fault as `health.<name>.timeToHealthySeconds`. `command`: an
 * SSH command whose output must match `expect`. `put-get`: the HA cluster manager's PUT/GET
 * test — a persistent message put to a DEFPSIST(YES) test queue and got back by MsgId on
 * one client connection. `client-connect`: MQCONNX and MQDISC through the client channel.
 * The MQI kinds connect to the scenario's queue manager through the estate's connection
 * name list (activities/probes/health-check.ts).
 */
interface HealthCheckTiming {
  name: string;
  intervalMs: number;
  /** Give up this long after the fault. */
  timeoutMs: number;
  /** Longest one attempt may take. */
  attemptTimeoutMs: number;
}

export interface CommandHealthCheck extends HealthCheckTiming {
  kind: 'command';
  host: string;
  argv: string[];
  /** A regular expression the command's standard output must match (exit code 0 required too). */
  expect: string;
}

export interface PutGetHealthCheck extends HealthCheckTiming {
  kind: 'put-get';
  /** The dedicated DEFPSIST(YES) test queue. */
  queue: string;
  /** Define the queue before the fault when it is missing. */
  createQueue: boolean;
  /** Server-connection channel; absent: the estate's channel for the queue manager. */
  channel?: string;
}

export interface ClientConnectHealthCheck extends HealthCheckTiming {
  kind: 'client-connect';
  channel?: string;
}

export type HealthCheckSpec = CommandHealthCheck | PutGetHealthCheck | ClientConnectHealthCheck;
export type MqiHealthCheck = PutGetHealthCheck | ClientConnectHealthCheck;

export interface ObservationSpec {
  /** Longest time to watch after the fault before giving up on seeing the failover. */
  windowSeconds: number;
  probeIntervalMs: number;
  /** Samples taken before the fault, for the report's baseline. */
  baselineSeconds: number;
  /** Keep watching this long once the failover is seen. */
  settleSeconds: number;
}

/** A JSON Schema with every `$ref` it needs, so it can be judged later without the suite's files. */
export interface ExpectationSpec {
  schema: Record<string, unknown>;
  /** Shared schemas the main one references, each with its `$id`. */
  schemas: Record<string, unknown>[];
  /** Where the expectation was written, for reports ("suites/lab/x.yaml:31"). */
  source: string;
}

export interface ScenarioSpec {
  name: string;
  description?: string;
  queueManager: string;
  fault: FaultSpec;
  observe: ObservationSpec;
  /** Application traffic through the fault, accounted message by message. */
  traffic?: TrafficSpec;
  /** Health checks timed from the fault. */
  health?: HealthCheckSpec[];
  /** Preflight refuses the fault unless these hold (conformance: the queue manager's conformance checks). */
  requires?: Array<'conformance'>;
  /** The conformance settings the gate checks with (the suite's, or the defaults). */
  conformance?: ConformanceSpec;
  expect: ExpectationSpec;
}

export interface SuiteDefinition {
  /** Absolute path of the suite file. */
  file: string;
  name: string;
  description?: string;
  estate: EstateSource;
  /** The conformance checks' settings (defaults applied); run before the scenarios when declared. */
  conformance?: ConformanceSpec;
  scenarios: ScenarioSpec[];
}

/** A suite whose estate has been resolved to hosts and queue managers: what `runSuite` receives. */
export interface ResolvedSuite extends Omit<SuiteDefinition, 'estate'> {
  estate: EstateSpec;
}
