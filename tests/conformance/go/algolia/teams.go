package directory

// Negative file: team records have names of teams and sizes.
type Team struct {
	ObjectID string `json:"objectID"`
	Title    string `json:"title"`
	Size     int    `json:"size"`
}

func SyncTeams() error {
	index := client.InitIndex("teams")
	_, err := index.SaveObjects([]Team{{ObjectID: "t1", Title: "Platform", Size: 8}, {ObjectID: "t2", Title: "Data", Size: 5}})
	if err != nil {
		return err
	}
	_, err = index.PartialUpdateObject(map[string]interface{}{"objectID": "t2", "size": 6})
	return err
}
