// The `stopword` package ships no types; these are the lists this project reads.
declare module 'stopword' {
  export const eng: string[]
  export const dan: string[]
  export const swe: string[]
  export const nob: string[]
}
