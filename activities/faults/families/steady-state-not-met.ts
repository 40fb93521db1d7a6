import { OperationalError } from '../../ssh/operational-error.ts';

/** The estate is not in the state the fault starts from: nothing is injected, and retrying now cannot help. */
export class SteadyStateNotMetError extends OperationalError {
  readonly code = 'SteadyStateNotMet';
  readonly permanent = true;
}
