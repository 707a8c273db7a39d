import type { PGliteOptions } from '@electric-sql/pglite';

export declare const pgliteOptions: Pick<PGliteOptions, 'postgresqlconf' | 'serializers' | 'parsers'>;
