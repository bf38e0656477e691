package verify

// Negative file: pages the configured on-call number.
func QueueStuck() {
	_ = PageOncall("queue stuck")
}
