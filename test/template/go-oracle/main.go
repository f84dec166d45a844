// Go's own text/template as a secondary oracle, for behaviour helm's
// `template` command cannot show: missingkey=default/error, the built-in
// slice (Sprig's shadows it in helm), complex constants, and how templates
// parsed in separate Parse calls replace each other. Reads a JSON array of
// cases on stdin and writes a JSON array of results.
package main

import (
	"encoding/json"
	"os"
	"strings"
	"text/template"
)

type goCase struct {
	Files      [][2]string `json:"files"`
	Exec       string      `json:"exec"`
	Data       any         `json:"data"`
	MissingKey string      `json:"missingkey"`
}

type result struct {
	Output *string `json:"output,omitempty"`
	Error  *string `json:"error,omitempty"`
}

func run(c goCase) (res result) {
	fail := func(err error) result {
		s := err.Error()
		return result{Error: &s}
	}
	t := template.New("gotpl").Option("missingkey=" + c.MissingKey)
	for _, f := range c.Files {
		if _, err := t.New(f[0]).Parse(f[1]); err != nil {
			return fail(err)
		}
	}
	var b strings.Builder
	if err := t.ExecuteTemplate(&b, c.Exec, c.Data); err != nil {
		return fail(err)
	}
	s := b.String()
	return result{Output: &s}
}

func main() {
	var cases []goCase
	if err := json.NewDecoder(os.Stdin).Decode(&cases); err != nil {
		panic(err)
	}
	out := make([]result, len(cases))
	for i, c := range cases {
		out[i] = run(c)
	}
	if err := json.NewEncoder(os.Stdout).Encode(out); err != nil {
		panic(err)
	}
}
