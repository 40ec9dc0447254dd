// The renderer's CSP has no 'unsafe-eval': zod would probe for it with `new Function('')` on its
// first object parse, which the page reports as a CSP violation. Jitless mode skips the probe
// (and the compiled fast path it would have allowed); parsing results are the same.
// zod's core alone (the config is global): the schemas themselves load with the pages that use them.
import { config } from 'zod/v4/core';

config({ jitless: true });
