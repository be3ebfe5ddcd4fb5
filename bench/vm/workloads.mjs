// The workload classes of the VM benchmarks (bench/vm/run.mjs, bench/vm/isolates.mjs): the scenario programs of
// bench/scenarios plus three of this folder, each with the reference Rust VM's recorded p50 in ms (null: none).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const scenarios = join(here, '..', 'scenarios');

/** Workload classes: the program (bench/scenarios, or this folder) and the reference Rust VM's p50 in ms. */
export const WORKLOADS = [
  { name: 'countdown', file: join(scenarios, 'countdown.av'), referenceMs: 0.46 },
  { name: 'fib', file: join(scenarios, 'fib.av'), referenceMs: 0.095 },
  { name: 'newtype_variant', file: join(scenarios, 'newtype_variant.av'), referenceMs: 0.57 },
  { name: 'newtype_record', file: join(scenarios, 'newtype_record.av'), referenceMs: 0.57 },
  { name: 'record', file: join(scenarios, 'record.av'), referenceMs: 1.07 },
  { name: 'match_dispatch', file: join(scenarios, 'match_dispatch.av'), referenceMs: 3.67 },
  { name: 'map_build', file: join(scenarios, 'map_build.av'), referenceMs: 20.3 },
  { name: 'map_lookup', file: join(scenarios, 'map_lookup.av'), referenceMs: 7.07 },
  { name: 'string_interp', file: join(scenarios, 'string_interp.av'), referenceMs: 15.0 },
  { name: 'vector_ops', file: join(scenarios, 'vector_ops.av'), referenceMs: 12.9 },
  { name: 'buffered_join', file: join(here, 'buffered_join.av'), referenceMs: null },
  { name: 'deep_recursion', file: join(here, 'deep_recursion.av'), referenceMs: null },
  { name: 'trivial_main', file: join(here, 'trivial_main.av'), referenceMs: null },
];
