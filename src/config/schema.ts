import { z } from 'zod';
import { isBaseUrl, isPathPrefix } from './urls.js';

/**
 * What a parkpress.config.* file may contain: every key of `Config`, each optional (defaults fill
 * the rest), nothing else. Strict objects make a misspelt key an error instead of a silent no-op.
 * Keep in sync with defaultConfig(): test/config/schema.test.ts checks both have the same keys.
 */
const positiveInt = z.number().int().positive();

const relatedIndex = z.strictObject({
  name: z.enum(['keywords', 'parks', 'terms']),
  weight: z.number().nonnegative(),
});

export const userConfigSchema = z.strictObject({
  title: z.string().min(1).optional(),
  description: z.string().optional(),
  baseUrl: z
    .string()
    .refine(
      isBaseUrl,
      'an absolute http(s) URL such as "https://news.example.cn" (no spaces, quotes, <>, query, fragment or ./.. segments)',
    )
    .optional(),
  pathPrefix: z
    .string()
    .refine(isPathPrefix, 'a URL path such as "/parks" ("" for the site root; no spaces, quotes, <>, ? # or ./.. segments)')
    .optional(),
  contentDir: z.string().min(1).optional(),
  outDir: z.string().min(1).optional(),
  templatesDir: z.string().min(1).optional(),
  publicDir: z.string().min(1).optional(),
  pageSize: positiveInt.optional(),
  related: z
    .strictObject({
      count: z.number().int().nonnegative().optional(),
      threshold: z.number().nonnegative().optional(),
      indices: z.array(relatedIndex).optional(),
      maxShare: z.number().gt(0).max(1).optional(),
    })
    .optional(),
  ranking: z
    .strictObject({
      count: z.number().int().nonnegative().optional(),
      windowDays: positiveInt.optional(),
    })
    .optional(),
  latest: z.strictObject({ count: z.number().int().nonnegative().optional() }).optional(),
  keywords: z.strictObject({ minArticles: positiveInt.optional() }).optional(),
  paragraphs: z.strictObject({ maxChars: z.number().int().nonnegative().optional() }).optional(),
  duplicates: z.strictObject({ keep: z.enum(['earliest', 'longest', 'first-file']).optional() }).optional(),
  traditional: z
    .strictObject({
      enabled: z.boolean().optional(),
      variant: z.enum(['tw', 'hk', 't']).optional(),
      dir: z
        .string()
        .regex(/^[A-Za-z0-9_-]+$/, 'one folder name such as "zh-hant"')
        .optional(),
    })
    .optional(),
  search: z.boolean().optional(),
  dataDir: z.string().min(1).optional(),
  cacheDir: z.string().min(1).optional(),
  limits: z
    .strictObject({
      maxFileBytes: positiveInt.optional(),
      maxLines: positiveInt.optional(),
    })
    .optional(),
  jobs: positiveInt.max(64).optional(),
});

export type UserConfig = z.infer<typeof userConfigSchema>;
