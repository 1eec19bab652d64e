/** `bottleneck/light.js` (the build Octokit's plugins import) has the same API as `bottleneck`. */
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck';
  export default Bottleneck;
}
