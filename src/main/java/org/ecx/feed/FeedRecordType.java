package org.ecx.feed;

/** The kinds of record whose changes the feed carries; webhook subscriptions select by them. */
public enum FeedRecordType {
    DENIAL, RECOGNITION, CONSULTATION, CONTROL_LIST_EDITION
}
