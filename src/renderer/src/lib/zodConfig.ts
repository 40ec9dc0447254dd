// The renderer's CSP has no 'unsafe-eval': zod would probe for it with `new Function('')` on its
// first object parse, which the page reports as a CSP violation. Jitless mode skips the probe
// (and the compiled fast path it would have allowed); parsing results are the same.
import { z } from 'zod';

z.config({ jitless: true });
