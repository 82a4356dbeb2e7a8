package dev.stagehand.api.notification;

/** Why a stream is announced: it went live, or a live stream switched game. */
public enum NotificationReason { WENT_LIVE, GAME_CHANGED }
