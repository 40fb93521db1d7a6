/** The error an action throws, for asserting its class and fields; fails the test if nothing is thrown. */
export function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (err) {
    return err;
  }
  throw new Error('expected a throw');
}
