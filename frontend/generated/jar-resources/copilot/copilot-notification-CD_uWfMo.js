import { n as e, r as t } from "./copilot-notification-B9WA4gMj.js";
e();
export { t as showNotification };
