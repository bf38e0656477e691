# Turn a text file into a C string constant: -DINPUT -DOUTPUT -DSYMBOL.
file(READ ${INPUT} HEX HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," BODY "${HEX}")
file(WRITE ${OUTPUT} "/* generated from ${INPUT} */\nconst char ${SYMBOL}[] = {${BODY} 0x00};\n")
