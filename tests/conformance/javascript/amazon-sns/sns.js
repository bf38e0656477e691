const { SNSClient, PublishCommand } = require("@aws-sdk/client-sns");

const client = new SNSClient({ region: "eu-west-1" });

async function smsCode(phone, code) {
  await client.send(new PublishCommand({ PhoneNumber: phone, Message: `Your code is ${code}` })); // expect: pii-to-third-party user.contact.phone_number
}

async function orderPlaced(order) {
  const message = JSON.stringify({ order: order.id, email: order.email });
  await client.send(new PublishCommand({ TopicArn: process.env.ORDERS_TOPIC_ARN, Message: message })); // expect: pii-to-third-party user.contact.email
}

async function stockAlert(sku, left) {
  await client.send(new PublishCommand({ TopicArn: process.env.OPS_TOPIC_ARN, Message: JSON.stringify({ sku, left }) }));
}

module.exports = { smsCode, orderPlaced, stockAlert };
