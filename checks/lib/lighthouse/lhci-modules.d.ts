// @lhci/utils ships CommonJS without declarations: the two modules shipgate reads, typed as
// opaque values (lhci-utils.ts checks the functions exist and validates what they return).
declare module '@lhci/utils/src/assertions.js' {
  const assertions: unknown;
  export default assertions;
}
declare module '@lhci/utils/src/lighthouserc.js' {
  const lighthouserc: unknown;
  export default lighthouserc;
}
