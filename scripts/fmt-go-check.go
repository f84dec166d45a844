// Helper of scripts/fmt-go-check.ts: formats values of Go types that helm's
// templates cannot produce (float32, sized and unsigned integers) with Go's own
// fmt. Reads lines "format|type|value", writes each result in base64 on its own line.
package main

import (
	"bufio"
	"encoding/base64"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"
)

func main() {
	sc := bufio.NewScanner(os.Stdin)
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	for sc.Scan() {
		p := strings.SplitN(sc.Text(), "|", 3)
		var v any
		switch p[1] {
		case "float32":
			b, _ := strconv.ParseUint(p[2], 10, 32)
			v = math.Float32frombits(uint32(b))
		case "int8":
			n, _ := strconv.ParseInt(p[2], 10, 8)
			v = int8(n)
		case "int16":
			n, _ := strconv.ParseInt(p[2], 10, 16)
			v = int16(n)
		case "int32":
			n, _ := strconv.ParseInt(p[2], 10, 32)
			v = int32(n)
		case "uint":
			n, _ := strconv.ParseUint(p[2], 10, 64)
			v = uint(n)
		case "uint8":
			n, _ := strconv.ParseUint(p[2], 10, 8)
			v = uint8(n)
		case "uint16":
			n, _ := strconv.ParseUint(p[2], 10, 16)
			v = uint16(n)
		case "uint32":
			n, _ := strconv.ParseUint(p[2], 10, 32)
			v = uint32(n)
		case "uint64":
			n, _ := strconv.ParseUint(p[2], 10, 64)
			v = n
		}
		fmt.Fprintln(w, base64.StdEncoding.EncodeToString([]byte(fmt.Sprintf(p[0], v))))
	}
}
