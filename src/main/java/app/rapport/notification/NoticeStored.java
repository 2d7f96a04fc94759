package app.rapport.notification;

/**
 * A notice was stored for an active user and is to be mailed to them: delivered after the commit, and
 * again until the mail has left (the notification's {@code mailed_at} tells a redelivery).
 */
record NoticeStored(long notificationId) {
}
