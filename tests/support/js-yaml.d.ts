/** js-yaml 4 ships no type declarations: the part of it contract-check.ts uses. */
declare module 'js-yaml' {
  export function load(text: string): unknown;
}
