// The model every stage shares: the contracts between stages. Stages import each other's types
// only from here, and nothing but the model and the shared text layer (src/text/).
//
//   load      (path)                  -> SourceFile       stages/load       loadSource()
//   normalize (text)                  -> NormalizeResult  stages/normalize  normalize()
//   extract   (SourceFile, Normalized)-> Article          stages/extract    extract()
//   corpus    (Article[], facts)      -> Article[]        stages/corpus     enrichCorpus()
//   site      (Article[], Config)     -> Site             stages/site       buildSite()
//   render    (Site)                  -> pages (stream)   stages/render     renderSite()
//   search    (Site)                  -> pages (stream)   stages/search     searchPages()
//   write     (pages, outDir)         -> WriteReport      stages/write      writeSite()
export * from './article.js';
export * from './config.js';
export * from './diagnostic.js';
export * from './facts.js';
export * from './page.js';
export * from './site.js';
export * from './source.js';
export * from './urls.js';
