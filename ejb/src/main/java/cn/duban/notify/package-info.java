/**
 * Notification channels (通知渠道, issue 20 item 3): every inbox message to a unit also goes out
 * through the unit's external channels ({@link cn.duban.notify.Channel}: e-mail, an SMS gateway,
 * 企业微信 and 钉钉 group robots), each behind {@link cn.duban.notify.ChannelSender}. {@link
 * cn.duban.notify.ChannelDispatcher} writes the deliveries as rows in the sender's transaction (an
 * outbox, with quiet hours and the cap on repeats); {@link cn.duban.notify.DeliveryScheduler} sends
 * them outside it. Outbound HTTP goes only to the operator's allow-list, over https, never to a
 * private address unless the operator marked that host:port internal ({@link
 * cn.duban.notify.OutboundGuard}). Secrets are stored encrypted ({@link
 * cn.duban.notify.SecretBox}).
 *
 * <p>Pure rules without container types: {@link cn.duban.notify.AddressClass}, {@link
 * cn.duban.notify.DingTalkSign}, {@link cn.duban.notify.QuietHours}, {@link
 * cn.duban.notify.RepeatCap}, {@link cn.duban.notify.Masking}.
 */
package cn.duban.notify;
