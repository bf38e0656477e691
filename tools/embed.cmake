# Turn text files into one C string constant (concatenated, in order):
#   -DINPUTS="a|b|c" -DOUTPUT=file.c -DSYMBOL=name
string(REPLACE "|" ";" INPUTS "${INPUTS}")
set(BODY "")
foreach(input ${INPUTS})
  file(READ ${input} HEX HEX)
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," PART "${HEX}")
  # A newline between files, so a file without a final newline does not run
  # into the next one.
  string(APPEND BODY "${PART}0x0a,\n")
endforeach()
file(WRITE ${OUTPUT} "/* generated from ${INPUTS} */\nconst char ${SYMBOL}[] = {${BODY} 0x00};\n")
