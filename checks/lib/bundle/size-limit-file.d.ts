// @size-limit/file ships no types: it exports an array of size-limit plugin objects.
declare module '@size-limit/file' {
  const filePlugin: readonly object[];
  export default filePlugin;
}
