// A Slack slash command as Slack posts it (application/x-www-form-urlencoded), from Slack's docs.
export const SLACK_SLASH_COMMAND = [
  'token=gIkuvaNzQIHg97ATvDxqgjtO',
  'team_id=T0001',
  'team_domain=example',
  'enterprise_id=E0001',
  'enterprise_name=Globular%20Construct%20Inc',
  'channel_id=C2147483705',
  'channel_name=test',
  'user_id=U2147483697',
  'user_name=Steve',
  'command=%2Fpredict',
  'text=https%3A%2F%2Fexample.com%2Fimage.jpg',
  'response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2F1234%2F5678',
  'trigger_id=13345224609.738474920.8088930838d88f008e0',
  'api_app_id=A123456',
].join('&');
