module capstan/goracle

go 1.25
