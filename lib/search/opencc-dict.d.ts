// OpenCC's dictionaries as opencc-js ships them ("opencc-js/dict/TSCharacters"):
// "source target target2|source target|…". The package has no types for them.
declare module "opencc-js/dict/*" {
  const dictionary: string;
  export default dictionary;
}
