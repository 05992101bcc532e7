// Vite's `?raw` imports: a fixture file's text, as captured.
declare module '*?raw' {
  const text: string;
  export default text;
}
