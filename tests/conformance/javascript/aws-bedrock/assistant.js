const { BedrockRuntimeClient, ConverseCommand, InvokeModelCommand } = require("@aws-sdk/client-bedrock-runtime");

const client = new BedrockRuntimeClient({ region: "us-east-1" });
const modelId = "anthropic.claude-3-5-sonnet-20240620-v1:0";

async function draftReply(ticket) {
  const prompt = `Write a reply to ${ticket.fullName} about: ${ticket.subject}`;
  const out = await client.send(new ConverseCommand({ modelId, messages: [{ role: "user", content: [{ text: prompt }] }] })); // expect: pii-to-third-party user.name
  return out.output.message.content[0].text;
}

async function classifyPhone(phone) {
  const body = JSON.stringify({ anthropic_version: "bedrock-2023-05-31", max_tokens: 64, messages: [{ role: "user", content: `Which country is ${phone} from?` }] });
  return client.send(new InvokeModelCommand({ modelId, body, contentType: "application/json" })); // expect: pii-to-third-party user.contact.phone_number
}

async function faq(topic) {
  return client.send(new ConverseCommand({ modelId, messages: [{ role: "user", content: [{ text: `FAQ about ${topic}` }] }] }));
}

module.exports = { draftReply, classifyPhone, faq };
