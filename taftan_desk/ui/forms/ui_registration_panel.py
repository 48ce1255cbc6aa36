# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'registration_panel.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_RegistrationPanel(object):
    def setupUi(self, RegistrationPanel):
        if not RegistrationPanel.objectName():
            RegistrationPanel.setObjectName(u"RegistrationPanel")
        RegistrationPanel.resize(520, 640)
        self.main_layout = QVBoxLayout(RegistrationPanel)
        self.main_layout.setObjectName(u"main_layout")
        self.heading_label = QLabel(RegistrationPanel)
        self.heading_label.setObjectName(u"heading_label")

        self.main_layout.addWidget(self.heading_label)

        self.manifest_label = QLabel(RegistrationPanel)
        self.manifest_label.setObjectName(u"manifest_label")
        self.manifest_label.setWordWrap(True)
        self.manifest_label.setTextFormat(Qt.TextFormat.RichText)
        self.manifest_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.main_layout.addWidget(self.manifest_label)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.direction_label = QLabel(RegistrationPanel)
        self.direction_label.setObjectName(u"direction_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.direction_label)

        self.direction_layout = QHBoxLayout()
        self.direction_layout.setObjectName(u"direction_layout")
        self.direction_combo = QComboBox(RegistrationPanel)
        self.direction_combo.addItem("")
        self.direction_combo.addItem("")
        self.direction_combo.setObjectName(u"direction_combo")

        self.direction_layout.addWidget(self.direction_combo)

        self.mode_label = QLabel(RegistrationPanel)
        self.mode_label.setObjectName(u"mode_label")

        self.direction_layout.addWidget(self.mode_label)

        self.mode_combo = QComboBox(RegistrationPanel)
        self.mode_combo.addItem("")
        self.mode_combo.addItem("")
        self.mode_combo.setObjectName(u"mode_combo")

        self.direction_layout.addWidget(self.mode_combo)


        self.form_layout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.direction_layout)

        self.container_label = QLabel(RegistrationPanel)
        self.container_label.setObjectName(u"container_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.container_label)

        self.container_edit = QLineEdit(RegistrationPanel)
        self.container_edit.setObjectName(u"container_edit")
        self.container_edit.setMaxLength(15)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.container_edit)

        self.container_hint_label = QLabel(RegistrationPanel)
        self.container_hint_label.setObjectName(u"container_hint_label")
        self.container_hint_label.setWordWrap(True)

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.container_hint_label)

        self.size_type_label = QLabel(RegistrationPanel)
        self.size_type_label.setObjectName(u"size_type_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.size_type_label)

        self.size_layout = QHBoxLayout()
        self.size_layout.setObjectName(u"size_layout")
        self.size_type_edit = QLineEdit(RegistrationPanel)
        self.size_type_edit.setObjectName(u"size_type_edit")
        self.size_type_edit.setMaxLength(4)

        self.size_layout.addWidget(self.size_type_edit)

        self.max_gross_label = QLabel(RegistrationPanel)
        self.max_gross_label.setObjectName(u"max_gross_label")

        self.size_layout.addWidget(self.max_gross_label)

        self.max_gross_edit = QLineEdit(RegistrationPanel)
        self.max_gross_edit.setObjectName(u"max_gross_edit")
        self.max_gross_edit.setMaxLength(12)

        self.size_layout.addWidget(self.max_gross_edit)


        self.form_layout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.size_layout)

        self.truck_plate_label = QLabel(RegistrationPanel)
        self.truck_plate_label.setObjectName(u"truck_plate_label")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.truck_plate_label)

        self.truck_plate_edit = QLineEdit(RegistrationPanel)
        self.truck_plate_edit.setObjectName(u"truck_plate_edit")
        self.truck_plate_edit.setMaxLength(20)

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.truck_plate_edit)

        self.train_no_label = QLabel(RegistrationPanel)
        self.train_no_label.setObjectName(u"train_no_label")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.train_no_label)

        self.rail_layout = QHBoxLayout()
        self.rail_layout.setObjectName(u"rail_layout")
        self.train_no_edit = QLineEdit(RegistrationPanel)
        self.train_no_edit.setObjectName(u"train_no_edit")
        self.train_no_edit.setMaxLength(20)

        self.rail_layout.addWidget(self.train_no_edit)

        self.wagon_no_label = QLabel(RegistrationPanel)
        self.wagon_no_label.setObjectName(u"wagon_no_label")

        self.rail_layout.addWidget(self.wagon_no_label)

        self.wagon_no_edit = QLineEdit(RegistrationPanel)
        self.wagon_no_edit.setObjectName(u"wagon_no_edit")
        self.wagon_no_edit.setMaxLength(24)

        self.rail_layout.addWidget(self.wagon_no_edit)


        self.form_layout.setLayout(5, QFormLayout.ItemRole.FieldRole, self.rail_layout)

        self.cargo_category_label = QLabel(RegistrationPanel)
        self.cargo_category_label.setObjectName(u"cargo_category_label")

        self.form_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.cargo_category_label)

        self.cargo_layout = QHBoxLayout()
        self.cargo_layout.setObjectName(u"cargo_layout")
        self.cargo_category_combo = QComboBox(RegistrationPanel)
        self.cargo_category_combo.addItem("")
        self.cargo_category_combo.addItem("")
        self.cargo_category_combo.addItem("")
        self.cargo_category_combo.addItem("")
        self.cargo_category_combo.addItem("")
        self.cargo_category_combo.addItem("")
        self.cargo_category_combo.addItem("")
        self.cargo_category_combo.setObjectName(u"cargo_category_combo")

        self.cargo_layout.addWidget(self.cargo_category_combo)

        self.hs_code_label = QLabel(RegistrationPanel)
        self.hs_code_label.setObjectName(u"hs_code_label")

        self.cargo_layout.addWidget(self.hs_code_label)

        self.hs_code_edit = QLineEdit(RegistrationPanel)
        self.hs_code_edit.setObjectName(u"hs_code_edit")
        self.hs_code_edit.setMaxLength(12)

        self.cargo_layout.addWidget(self.hs_code_edit)


        self.form_layout.setLayout(6, QFormLayout.ItemRole.FieldRole, self.cargo_layout)

        self.description_label = QLabel(RegistrationPanel)
        self.description_label.setObjectName(u"description_label")

        self.form_layout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.description_label)

        self.description_layout = QHBoxLayout()
        self.description_layout.setObjectName(u"description_layout")
        self.description_edit = QLineEdit(RegistrationPanel)
        self.description_edit.setObjectName(u"description_edit")
        self.description_edit.setMaxLength(1000)

        self.description_layout.addWidget(self.description_edit)

        self.description_count_label = QLabel(RegistrationPanel)
        self.description_count_label.setObjectName(u"description_count_label")

        self.description_layout.addWidget(self.description_count_label)


        self.form_layout.setLayout(7, QFormLayout.ItemRole.FieldRole, self.description_layout)

        self.declared_net_label = QLabel(RegistrationPanel)
        self.declared_net_label.setObjectName(u"declared_net_label")

        self.form_layout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.declared_net_label)

        self.declared_net_edit = QLineEdit(RegistrationPanel)
        self.declared_net_edit.setObjectName(u"declared_net_edit")
        self.declared_net_edit.setMaxLength(12)

        self.form_layout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.declared_net_edit)

        self.gd_number_label = QLabel(RegistrationPanel)
        self.gd_number_label.setObjectName(u"gd_number_label")

        self.form_layout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.gd_number_label)

        self.gd_number_edit = QLineEdit(RegistrationPanel)
        self.gd_number_edit.setObjectName(u"gd_number_edit")
        self.gd_number_edit.setMaxLength(40)

        self.form_layout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.gd_number_edit)

        self.tir_carnet_label = QLabel(RegistrationPanel)
        self.tir_carnet_label.setObjectName(u"tir_carnet_label")

        self.form_layout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.tir_carnet_label)

        self.tir_layout = QHBoxLayout()
        self.tir_layout.setObjectName(u"tir_layout")
        self.tir_carnet_edit = QLineEdit(RegistrationPanel)
        self.tir_carnet_edit.setObjectName(u"tir_carnet_edit")
        self.tir_carnet_edit.setMaxLength(20)

        self.tir_layout.addWidget(self.tir_carnet_edit)

        self.tir_voucher_label = QLabel(RegistrationPanel)
        self.tir_voucher_label.setObjectName(u"tir_voucher_label")

        self.tir_layout.addWidget(self.tir_voucher_label)

        self.tir_voucher_edit = QLineEdit(RegistrationPanel)
        self.tir_voucher_edit.setObjectName(u"tir_voucher_edit")
        self.tir_voucher_edit.setMaxLength(10)

        self.tir_layout.addWidget(self.tir_voucher_edit)


        self.form_layout.setLayout(10, QFormLayout.ItemRole.FieldRole, self.tir_layout)

        self.seals_label = QLabel(RegistrationPanel)
        self.seals_label.setObjectName(u"seals_label")

        self.form_layout.setWidget(11, QFormLayout.ItemRole.LabelRole, self.seals_label)

        self.seals_edit = QLineEdit(RegistrationPanel)
        self.seals_edit.setObjectName(u"seals_edit")
        self.seals_edit.setMaxLength(200)

        self.form_layout.setWidget(11, QFormLayout.ItemRole.FieldRole, self.seals_edit)

        self.weights_label = QLabel(RegistrationPanel)
        self.weights_label.setObjectName(u"weights_label")

        self.form_layout.setWidget(12, QFormLayout.ItemRole.LabelRole, self.weights_label)

        self.weights_layout = QHBoxLayout()
        self.weights_layout.setObjectName(u"weights_layout")

        self.form_layout.setLayout(12, QFormLayout.ItemRole.FieldRole, self.weights_layout)

        self.net_label = QLabel(RegistrationPanel)
        self.net_label.setObjectName(u"net_label")
        self.net_label.setWordWrap(True)

        self.form_layout.setWidget(13, QFormLayout.ItemRole.FieldRole, self.net_label)

        self.warnings_label = QLabel(RegistrationPanel)
        self.warnings_label.setObjectName(u"warnings_label")
        self.warnings_label.setWordWrap(True)

        self.form_layout.setWidget(14, QFormLayout.ItemRole.FieldRole, self.warnings_label)

        self.error_label = QLabel(RegistrationPanel)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.form_layout.setWidget(15, QFormLayout.ItemRole.FieldRole, self.error_label)


        self.main_layout.addLayout(self.form_layout)

        self.buttons_layout = QHBoxLayout()
        self.buttons_layout.setObjectName(u"buttons_layout")
        self.buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons_layout.addItem(self.buttons_spacer)

        self.clear_button = QPushButton(RegistrationPanel)
        self.clear_button.setObjectName(u"clear_button")
        self.clear_button.setAutoDefault(False)

        self.buttons_layout.addWidget(self.clear_button)

        self.save_button = QPushButton(RegistrationPanel)
        self.save_button.setObjectName(u"save_button")
        self.save_button.setAutoDefault(False)

        self.buttons_layout.addWidget(self.save_button)


        self.main_layout.addLayout(self.buttons_layout)

        self.bottom_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.main_layout.addItem(self.bottom_spacer)

#if QT_CONFIG(shortcut)
        self.direction_label.setBuddy(self.direction_combo)
        self.mode_label.setBuddy(self.mode_combo)
        self.container_label.setBuddy(self.container_edit)
        self.size_type_label.setBuddy(self.size_type_edit)
        self.max_gross_label.setBuddy(self.max_gross_edit)
        self.truck_plate_label.setBuddy(self.truck_plate_edit)
        self.train_no_label.setBuddy(self.train_no_edit)
        self.wagon_no_label.setBuddy(self.wagon_no_edit)
        self.cargo_category_label.setBuddy(self.cargo_category_combo)
        self.hs_code_label.setBuddy(self.hs_code_edit)
        self.description_label.setBuddy(self.description_edit)
        self.declared_net_label.setBuddy(self.declared_net_edit)
        self.gd_number_label.setBuddy(self.gd_number_edit)
        self.tir_carnet_label.setBuddy(self.tir_carnet_edit)
        self.tir_voucher_label.setBuddy(self.tir_voucher_edit)
        self.seals_label.setBuddy(self.seals_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.direction_combo, self.mode_combo)
        QWidget.setTabOrder(self.mode_combo, self.container_edit)
        QWidget.setTabOrder(self.container_edit, self.size_type_edit)
        QWidget.setTabOrder(self.size_type_edit, self.max_gross_edit)
        QWidget.setTabOrder(self.max_gross_edit, self.truck_plate_edit)
        QWidget.setTabOrder(self.truck_plate_edit, self.train_no_edit)
        QWidget.setTabOrder(self.train_no_edit, self.wagon_no_edit)
        QWidget.setTabOrder(self.wagon_no_edit, self.cargo_category_combo)
        QWidget.setTabOrder(self.cargo_category_combo, self.hs_code_edit)
        QWidget.setTabOrder(self.hs_code_edit, self.description_edit)
        QWidget.setTabOrder(self.description_edit, self.declared_net_edit)
        QWidget.setTabOrder(self.declared_net_edit, self.gd_number_edit)
        QWidget.setTabOrder(self.gd_number_edit, self.tir_carnet_edit)
        QWidget.setTabOrder(self.tir_carnet_edit, self.tir_voucher_edit)
        QWidget.setTabOrder(self.tir_voucher_edit, self.seals_edit)
        QWidget.setTabOrder(self.seals_edit, self.save_button)
        QWidget.setTabOrder(self.save_button, self.clear_button)

        self.retranslateUi(RegistrationPanel)

        QMetaObject.connectSlotsByName(RegistrationPanel)
    # setupUi

    def retranslateUi(self, RegistrationPanel):
        self.heading_label.setText(QCoreApplication.translate("RegistrationPanel", u"Register a crossing", None))
#if QT_CONFIG(accessibility)
        self.manifest_label.setAccessibleName(QCoreApplication.translate("RegistrationPanel", u"What the manifest announced", None))
#endif // QT_CONFIG(accessibility)
        self.manifest_label.setText("")
        self.direction_label.setText(QCoreApplication.translate("RegistrationPanel", u"&Direction", None))
        self.direction_combo.setItemText(0, QCoreApplication.translate("RegistrationPanel", u"In (entering Pakistan)", None))
        self.direction_combo.setItemText(1, QCoreApplication.translate("RegistrationPanel", u"Out (leaving Pakistan)", None))

#if QT_CONFIG(accessibility)
        self.direction_combo.setAccessibleName(QCoreApplication.translate("RegistrationPanel", u"Direction", None))
#endif // QT_CONFIG(accessibility)
        self.mode_label.setText(QCoreApplication.translate("RegistrationPanel", u"&Mode", None))
        self.mode_combo.setItemText(0, QCoreApplication.translate("RegistrationPanel", u"Road", None))
        self.mode_combo.setItemText(1, QCoreApplication.translate("RegistrationPanel", u"Rail", None))

#if QT_CONFIG(accessibility)
        self.mode_combo.setAccessibleName(QCoreApplication.translate("RegistrationPanel", u"Mode", None))
#endif // QT_CONFIG(accessibility)
        self.container_label.setText(QCoreApplication.translate("RegistrationPanel", u"&Container", None))
#if QT_CONFIG(accessibility)
        self.container_edit.setAccessibleName(QCoreApplication.translate("RegistrationPanel", u"Container number", None))
#endif // QT_CONFIG(accessibility)
        self.container_edit.setPlaceholderText(QCoreApplication.translate("RegistrationPanel", u"Scan or type, e.g. CSQU3054383", None))
#if QT_CONFIG(accessibility)
        self.container_hint_label.setAccessibleName(QCoreApplication.translate("RegistrationPanel", u"Container number check", None))
#endif // QT_CONFIG(accessibility)
        self.container_hint_label.setText("")
        self.size_type_label.setText(QCoreApplication.translate("RegistrationPanel", u"Si&ze/type", None))
#if QT_CONFIG(accessibility)
        self.size_type_edit.setAccessibleName(QCoreApplication.translate("RegistrationPanel", u"Size and type code", None))
#endif // QT_CONFIG(accessibility)
        self.size_type_edit.setPlaceholderText(QCoreApplication.translate("RegistrationPanel", u"22G1", None))
        self.max_gross_label.setText(QCoreApplication.translate("RegistrationPanel", u"Plate max gross &kg", None))
#if QT_CONFIG(accessibility)
        self.max_gross_edit.setAccessibleName(QCoreApplication.translate("RegistrationPanel", u"Maximum gross from the plate in kilograms", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.max_gross_edit.setToolTip(QCoreApplication.translate("RegistrationPanel", u"Maximum gross from the container's CSC plate. Left empty, the station default is assumed and the desk says so.", None))
#endif // QT_CONFIG(tooltip)
        self.truck_plate_label.setText(QCoreApplication.translate("RegistrationPanel", u"Truck &plate", None))
#if QT_CONFIG(accessibility)
        self.truck_plate_edit.setAccessibleName(QCoreApplication.translate("RegistrationPanel", u"Truck plate", None))
#endif // QT_CONFIG(accessibility)
        self.train_no_label.setText(QCoreApplication.translate("RegistrationPanel", u"T&rain", None))
#if QT_CONFIG(accessibility)
        self.train_no_edit.setAccessibleName(QCoreApplication.translate("RegistrationPanel", u"Train number", None))
#endif // QT_CONFIG(accessibility)
        self.wagon_no_label.setText(QCoreApplication.translate("RegistrationPanel", u"&Wagon", None))
#if QT_CONFIG(accessibility)
        self.wagon_no_edit.setAccessibleName(QCoreApplication.translate("RegistrationPanel", u"Wagon number", None))
#endif // QT_CONFIG(accessibility)
        self.wagon_no_edit.setPlaceholderText(QCoreApplication.translate("RegistrationPanel", u"UIC or PR number", None))
        self.cargo_category_label.setText(QCoreApplication.translate("RegistrationPanel", u"Car&go", None))
        self.cargo_category_combo.setItemText(0, QCoreApplication.translate("RegistrationPanel", u"Choose\u2026", None))
        self.cargo_category_combo.setItemText(1, QCoreApplication.translate("RegistrationPanel", u"Oil", None))
        self.cargo_category_combo.setItemText(2, QCoreApplication.translate("RegistrationPanel", u"Gas", None))
        self.cargo_category_combo.setItemText(3, QCoreApplication.translate("RegistrationPanel", u"Steel", None))
        self.cargo_category_combo.setItemText(4, QCoreApplication.translate("RegistrationPanel", u"Industrial goods", None))
        self.cargo_category_combo.setItemText(5, QCoreApplication.translate("RegistrationPanel", u"Textiles", None))
        self.cargo_category_combo.setItemText(6, QCoreApplication.translate("RegistrationPanel", u"Other", None))

#if QT_CONFIG(accessibility)
        self.cargo_category_combo.setAccessibleName(QCoreApplication.translate("RegistrationPanel", u"Cargo category", None))
#endif // QT_CONFIG(accessibility)
        self.hs_code_label.setText(QCoreApplication.translate("RegistrationPanel", u"&HS code", None))
#if QT_CONFIG(accessibility)
        self.hs_code_edit.setAccessibleName(QCoreApplication.translate("RegistrationPanel", u"HS code", None))
#endif // QT_CONFIG(accessibility)
        self.hs_code_edit.setPlaceholderText(QCoreApplication.translate("RegistrationPanel", u"6 or 8 digits", None))
        self.description_label.setText(QCoreApplication.translate("RegistrationPanel", u"D&escription", None))
#if QT_CONFIG(accessibility)
        self.description_edit.setAccessibleName(QCoreApplication.translate("RegistrationPanel", u"Description of goods", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.description_count_label.setAccessibleName(QCoreApplication.translate("RegistrationPanel", u"Characters of the description used", None))
#endif // QT_CONFIG(accessibility)
        self.description_count_label.setText("")
        self.declared_net_label.setText(QCoreApplication.translate("RegistrationPanel", u"Declared &net kg", None))
#if QT_CONFIG(accessibility)
        self.declared_net_edit.setAccessibleName(QCoreApplication.translate("RegistrationPanel", u"Declared net weight in kilograms", None))
#endif // QT_CONFIG(accessibility)
        self.gd_number_label.setText(QCoreApplication.translate("RegistrationPanel", u"G&D number", None))
#if QT_CONFIG(accessibility)
        self.gd_number_edit.setAccessibleName(QCoreApplication.translate("RegistrationPanel", u"Goods declaration number", None))
#endif // QT_CONFIG(accessibility)
        self.tir_carnet_label.setText(QCoreApplication.translate("RegistrationPanel", u"T&IR carnet", None))
#if QT_CONFIG(accessibility)
        self.tir_carnet_edit.setAccessibleName(QCoreApplication.translate("RegistrationPanel", u"TIR carnet number", None))
#endif // QT_CONFIG(accessibility)
        self.tir_voucher_label.setText(QCoreApplication.translate("RegistrationPanel", u"&Voucher", None))
#if QT_CONFIG(accessibility)
        self.tir_voucher_edit.setAccessibleName(QCoreApplication.translate("RegistrationPanel", u"TIR voucher", None))
#endif // QT_CONFIG(accessibility)
        self.seals_label.setText(QCoreApplication.translate("RegistrationPanel", u"&Seals", None))
#if QT_CONFIG(accessibility)
        self.seals_edit.setAccessibleName(QCoreApplication.translate("RegistrationPanel", u"Seals", None))
#endif // QT_CONFIG(accessibility)
        self.seals_edit.setPlaceholderText(QCoreApplication.translate("RegistrationPanel", u"AB12345 H, CD67890 H broken", None))
        self.weights_label.setText(QCoreApplication.translate("RegistrationPanel", u"Weights", None))
#if QT_CONFIG(accessibility)
        self.net_label.setAccessibleName(QCoreApplication.translate("RegistrationPanel", u"Net weight against the limit", None))
#endif // QT_CONFIG(accessibility)
        self.net_label.setText("")
#if QT_CONFIG(accessibility)
        self.warnings_label.setAccessibleName(QCoreApplication.translate("RegistrationPanel", u"Warnings", None))
#endif // QT_CONFIG(accessibility)
        self.warnings_label.setText("")
#if QT_CONFIG(accessibility)
        self.error_label.setAccessibleName(QCoreApplication.translate("RegistrationPanel", u"Problems", None))
#endif // QT_CONFIG(accessibility)
        self.error_label.setText("")
        self.clear_button.setText(QCoreApplication.translate("RegistrationPanel", u"Clear (Esc)", None))
#if QT_CONFIG(tooltip)
        self.clear_button.setToolTip(QCoreApplication.translate("RegistrationPanel", u"Clear the form (Esc)", None))
#endif // QT_CONFIG(tooltip)
        self.save_button.setText(QCoreApplication.translate("RegistrationPanel", u"Save (Enter)", None))
#if QT_CONFIG(tooltip)
        self.save_button.setToolTip(QCoreApplication.translate("RegistrationPanel", u"Register the crossing (Enter in any field after the container)", None))
#endif // QT_CONFIG(tooltip)
        pass
    # retranslateUi

