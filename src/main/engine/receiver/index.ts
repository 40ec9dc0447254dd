export { createReceiver, type Receiver, type ReceiverOptions } from './receiver';
export { createInboxRouter } from './inbox-router';
