package crm

import "strings"

// Negative file: pipeline statistics.
func (s *Search) IndexStats(deals int) error {
	res, err := s.es.Index("pipeline-stats", strings.NewReader(`{"stage":"won","deals":3}`))
	if err != nil {
		return err
	}
	defer res.Body.Close()
	_, err = s.es.Bulk(strings.NewReader("{\"index\":{}}\n{\"stage\":\"lost\"}\n"))
	return err
}
