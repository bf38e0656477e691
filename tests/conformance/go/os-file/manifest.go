package main

import (
	"fmt"
	"os"
	"time"
)

// Negative file: the manifest holds a count and a timestamp.
func writeManifest(patients []Patient) error {
	body := fmt.Sprintf("count=%d\ngenerated=%s\n", len(patients), time.Now().Format(time.RFC3339))
	return os.WriteFile("/srv/export/MANIFEST", []byte(body), 0o644)
}
