/**
 * The part of the `ibmmq` package the MQI transport uses, typed with plain numbers (the
 * package's own typings use opaque enums). The package loads IBM's C client library
 * (`libmqm_r.so`) when it is imported and throws when there is none, so it is imported
 * lazily, and only in a traffic client's own process, whose LD_LIBRARY_PATH names the
 * library directory (activities/traffic/traffic-client-process.ts).
 */

export interface MqiStructs {
  MQCNO: new () => { Options: number; ClientConn: unknown; ApplName: string };
  MQCD: new () => { ChannelName: string; ConnectionName: string; HeartbeatInterval: number };
  MQOD: new () => { ObjectName: string; ObjectQMgrName: string };
  MQMD: new () => {
    Persistence: number;
    CorrelId: Buffer;
    MsgId: Buffer;
    Format: string;
    BackoutCount: number;
  };
  MQPMO: new () => { Options: number };
  MQGMO: new () => { Options: number; WaitInterval: number; MatchOptions: number };
  MQAttr: new (selector: number, value?: number | string) => { selector: number; value: number | string };
}

/** What the verbs return and take; opaque handles. */
export type MqiConnection = object;
export type MqiObject = object;

export interface MqiModule extends MqiStructs {
  MQC: Readonly<Record<string, number>>;
  ConnxSync(queueManager: string, cno: InstanceType<MqiStructs['MQCNO']>): MqiConnection;
  DiscSync(connection: MqiConnection): void;
  /** The package's OpenSync hands the object to its callback (called before it returns), never as its result. */
  OpenSync(connection: MqiConnection, od: InstanceType<MqiStructs['MQOD']>, options: number, cb: (err: Error | null, object: MqiObject) => void): void;
  CloseSync(object: MqiObject, options: number): void;
  PutSync(object: MqiObject, md: InstanceType<MqiStructs['MQMD']>, pmo: InstanceType<MqiStructs['MQPMO']>, body: Buffer): void;
  GetSync(object: MqiObject, md: InstanceType<MqiStructs['MQMD']>, gmo: InstanceType<MqiStructs['MQGMO']>, buffer: Buffer): number;
  Cmit(connection: MqiConnection): void;
  Back(connection: MqiConnection): void;
  Inq(object: MqiObject, selectors: Array<InstanceType<MqiStructs['MQAttr']>>): void;
  Stat(connection: MqiConnection, type: number): { CompCode: number; Reason: number };
}

/** The client library could not be loaded: an operational error of the traffic client's environment. */
export class MqClientLibraryMissing extends Error {
  override readonly name = 'MqClientLibraryMissing';
  constructor(
    readonly libraryDir: string | null,
    cause: unknown,
  ) {
    super(
      `the MQ client library libmqm_r.so could not be loaded from ${libraryDir ?? 'the default library path'}: ` +
        (cause instanceof Error ? cause.message : String(cause)),
    );
  }
}

let loaded: Promise<MqiModule> | undefined;

/** Imports `ibmmq` once; rejects with MqClientLibraryMissing when no client library can be loaded. */
export function loadMqiModule(libraryDir: string | null): Promise<MqiModule> {
  loaded ??= import('ibmmq').then(
    (module) => ((module as { default?: unknown }).default ?? module) as unknown as MqiModule,
    (error: unknown) => {
      loaded = undefined;
      throw new MqClientLibraryMissing(libraryDir, error);
    },
  );
  return loaded;
}
