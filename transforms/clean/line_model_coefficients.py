"""Line model coefficients, version 1: written by benchmarks/train_line_model.py from 246 pages of
146 tuned L3S-GN1 hosts. Do not edit by hand."""

MODEL = {
    "version": 1,
    "features": [
        'log_chars', 'stopwords', 'sentence', 'punctuation', 'digits', 'capitalised', 'link_words',
        'section_name', 'separators', 'comma', 'rule', 'site_line', 'prose', 'position', 'chars_before',
        'relative_length', 'prev_log_chars', 'next_log_chars', 'near_log_chars', 'wide_log_chars',
        'prev_stopwords', 'next_stopwords', 'near_stopwords', 'wide_stopwords', 'prev_sentence',
        'next_sentence', 'near_sentence', 'wide_sentence', 'prev_link_words', 'next_link_words',
        'near_link_words', 'wide_link_words', 'prev_prose', 'next_prose', 'near_prose', 'wide_prose',
    ],
    "mean": [
        3.02647, 0.145853, 0.15516, 0.0417292, 0.0216912, 0.681429, 0.104433, 0.137588, 0.0426056, 0.0616956,
        0.0919902, 0.0676008, 0.0708033, 0.5, 0.444418, 0.129744, 2.99178, 2.99972, 3.02457, 3.02547, 0.144377,
        0.144936, 0.145742, 0.14633, 0.15232, 0.154895, 0.154989, 0.156312, 0.101779, 0.102075, 0.104059,
        0.102511, 0.0699577, 0.0705723, 0.0707814, 0.0713892,
    ],
    "scale": [
        1.12113, 0.206116, 0.362057, 0.128838, 0.0964356, 0.370926, 0.252133, 0.344467, 0.201966, 0.189862,
        0.289012, 0.25106, 0.140542, 0.291397, 0.349719, 0.202378, 1.15228, 1.15398, 0.904734, 0.80278, 0.206,
        0.205981, 0.140316, 0.121987, 0.35933, 0.361804, 0.288844, 0.2466, 0.250164, 0.249395, 0.139423,
        0.112388, 0.14008, 0.140562, 0.11435, 0.0989565,
    ],
    "coef": [
        -0.0627471, 0.178101, 0.216861, 0.231677, -0.00128857, -0.190387, -2.73264, -1.06535, -0.251328,
        0.0814344, -0.926733, -1.08806, -0.282425, 0.449492, -1.26427, 0.486646, 0.124851, 0.119261, -0.532156,
        1.06984, -0.0298713, 0.200862, -0.477842, -0.482768, 0.0882104, -0.0510017, 0.818063, -0.106907,
        -0.203852, -0.175582, 0.136821, -0.0894941, 0.0272015, -0.245649, 1.1477, 0.978391,
    ],
    "intercept": -5.25038,
    "threshold": 0.4,
}
