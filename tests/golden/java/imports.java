package com.shop.api;

import java.util.List;
import java.util.*;
import static com.shop.util.Masker.mask;
import static org.junit.Assert.*;
import com.shop.util.Masker;

public class Api {
    void run(String email) {
        Masker.mask(email);
        mask(email);
    }
}
